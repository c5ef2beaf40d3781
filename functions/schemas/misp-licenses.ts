import * as z from 'zod/mini';
import { ACTIVATION_STATUSES } from '../domain/status-words.js';
import { requiredText } from '../http/constraints.js';
import { allowedWords } from './documented.js';
import { queryValue } from './list-query.js';

/** MISPLicenseRequestDto of `POST /misps` (`providerId` required). */
export const mispLicenseGenerateRequest = z.object({
  providerId: requiredText(1, 36),
});

/** MISPLicenseUpdateRequestDto of `PUT /misps`; MOSIP has no bean constraints, the status is checked by the operation (PMS_MSP_407). */
export const mispLicenseStatusRequest = z.object({
  providerId: requiredText(1, 36),
  licenseKey: requiredText(1, 128),
  licenseKeyStatus: allowedWords(requiredText(1, 36), ACTIVATION_STATUSES, 'Any case'),
});

/** Ours: `validityDays` of a regenerated license, checked by the operation (PMS_MSP_421). */
export const mispLicenseRegenerateQuery = z.object({
  validityDays: queryValue,
});
