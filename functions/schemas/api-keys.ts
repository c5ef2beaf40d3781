import * as z from 'zod/mini';
import { ACTIVATION_STATUSES } from '../domain/status-words.js';
import { requiredText } from '../http/constraints.js';
import { allowedWords } from './documented.js';
import { queryValue, sortAndPageQuery } from './list-query.js';

/** APIKeyGenerateRequestDto (`@NotBlank` both); MOSIP stores the label in a varchar(36). */
export const apiKeyGenerateRequest = z.object({
  policyName: requiredText(1, 128),
  label: requiredText(1, 36),
});

/** APIkeyStatusUpdateRequestDto; the status value is checked by the operation (PMS_PM_058). */
export const apiKeyStatusRequest = z.object({
  label: requiredText(1, 36),
  status: allowedWords(requiredText(1, 36), ACTIVATION_STATUSES, 'Any case'),
});

/** PartnersPolicyMappingRequest of the re-point route (`@NotNull` both). */
export const apiKeyPolicyChangeRequest = z.object({
  oldPolicyID: requiredText(1, 64),
  newPolicyID: requiredText(1, 64),
});

/** Query string of `GET /partner-api-keys`; values stay strings and are bound by the list, as for the other lists. */
export const apiKeysQuery = z.object({
  ...sortAndPageQuery,
  partnerId: queryValue,
  apiKeyLabel: queryValue,
  orgName: queryValue,
  status: queryValue,
  policyName: queryValue,
  policyGroupName: queryValue,
});

export type ApiKeysQuery = z.output<typeof apiKeysQuery>;
