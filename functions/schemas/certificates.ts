import * as z from 'zod/mini';
import { PARTNER_DOMAINS } from '../domain/certificates/partner-domains.js';
import { requiredText } from '../http/constraints.js';
import { allowedWords, queryWord } from './documented.js';
import { queryValue, sortAndPageQuery } from './list-query.js';

/** The request body is capped at 64 KiB before it is parsed; a certificate chain is far smaller. */
export const CERTIFICATE_DATA_MAX = 65536;

/** CACertificateRequestDto (`@NotBlank` both); the domain is checked by the operation (KER-PCM-011). */
export const caCertificateUploadRequest = z.object({
  certificateData: requiredText(1, CERTIFICATE_DATA_MAX),
  partnerDomain: allowedWords(requiredText(1, 16), PARTNER_DOMAINS, 'Any case'),
});

/** PartnerCertificateUploadRequestDto. */
export const partnerCertificateUploadRequest = z.object({
  partnerId: requiredText(1, 36),
  certificateData: requiredText(1, CERTIFICATE_DATA_MAX),
  partnerDomain: allowedWords(requiredText(1, 16), PARTNER_DOMAINS, 'Any case'),
});

/** `GET /partners/partner-certificates-details`: `expiryPeriod` is bound and range-checked by the operation. */
export const partnerCertificatesDetailsQuery = z.object({ expiryPeriod: queryValue });

/** `GET /trust-chain-certificates`; values stay strings and are bound by the list, as for the other lists. */
export const trustCertificatesQuery = z.object({
  ...sortAndPageQuery,
  caCertificateType: queryValue,
  certificateId: queryValue,
  partnerDomain: queryWord(PARTNER_DOMAINS),
  issuedTo: queryValue,
  issuedBy: queryValue,
  expiryPeriod: queryValue,
});
