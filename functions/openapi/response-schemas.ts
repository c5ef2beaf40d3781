import * as z from 'zod/mini';
import { policyJsonDocumentation } from './policy-json-schema.js';

/*
 * The `response` member of the seed journey's operations, as the OpenAPI documents show it (the route rows' optional
 * `response`). These schemas validate nothing at run time: test/e2e/openapi-responses.test.ts runs the journey
 * against the local stack and checks every real answer against them, and against their documented JSON schema, so
 * they cannot drift from what the operations answer. Objects are strict: a member added or dropped fails the test.
 */

const text = () => z.string();
const nullableText = () => z.nullable(z.string());
/** java.time.LocalDateTime as MOSIP serialises it: UTC, no zone designator ("2025-01-31T10:20:30.123"). */
const localDateTime = () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/));
/** java.sql.Timestamp as Jackson writes it: "2025-01-31T10:20:30.123+00:00". */
const sqlTimestamp = () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/));
/** A policy's JSON, documented with the MOSIP schemas its type is checked against. */
const policyJson = () => {
  const schema = z.unknown();
  z.globalRegistry.add(schema, policyJsonDocumentation());
  return schema;
};

/** PolicyGroupCreateResponseDto (`POST /policies/group/new`). */
export const policyGroupCreateResponse = z.strictObject({
  id: text(),
  name: text(),
  desc: text(),
  is_Active: z.boolean(),
  cr_by: text(),
  cr_dtimes: localDateTime(),
  up_by: nullableText(),
  upd_dtimes: z.nullable(localDateTime()),
});

/** PolicyCreateResponseDto (`POST /policies`): a draft, so not active. */
export const policyCreateResponse = z.strictObject({
  id: text(),
  policyGroupName: text(),
  name: text(),
  desc: text(),
  is_Active: z.boolean(),
  cr_by: text(),
  cr_dtimes: sqlTimestamp(),
  up_by: nullableText(),
  upd_dtimes: z.nullable(localDateTime()),
});

/** PolicyResponseDto (`POST /policies/{policyId}/group/{policygroupId}/publish`): the policy inside its group. */
export const policyWithGroupResponse = z.strictObject({
  policyGroupId: text(),
  policyGroupName: text(),
  policyGroupDesc: text(),
  policyGroupStatus: z.boolean(),
  policyGroup_cr_by: text(),
  policyGroup_cr_dtimes: localDateTime(),
  policyGroup_up_by: nullableText(),
  policyGroup_upd_dtimes: z.nullable(localDateTime()),
  policyId: text(),
  policyName: text(),
  policyDesc: text(),
  policyType: text(),
  publishDate: z.nullable(localDateTime()),
  validTill: z.nullable(localDateTime()),
  status: z.enum(['PUBLISHED', 'DRAFTED']),
  version: text(),
  schema: nullableText(),
  is_Active: z.boolean(),
  cr_by: text(),
  cr_dtimes: localDateTime(),
  up_by: nullableText(),
  upd_dtimes: z.nullable(localDateTime()),
  policies: policyJson(),
});

/** PartnerResponse (`POST /partners`): the partner waits for its certificate and, if self-registered, an admin. */
export const partnerRegistrationResponse = z.strictObject({ partnerId: text(), status: z.enum(['InProgress', 'approved']) });

/** CACertficateResponseDto (`POST /partners/certificate/ca/upload`). */
export const caCertificateUploadResponse = z.strictObject({ status: z.enum(['Upload Success.', 'Partial Upload Success.']), timestamp: localDateTime() });

/** PartnerCertificateResponseDto (`POST /partners/certificate/upload`): the certificate re-signed by the PMS CA, PEM. */
export const partnerCertificateUploadResponse = z.strictObject({ certificateId: text(), signedCertificateData: text(), timestamp: localDateTime() });

/** PartnerPolicyMappingResponse (`POST /partners/{partnerId}/policy/map`): the request's key, for the admin's decision. */
export const policyRequestResponse = z.strictObject({ mappingkey: text(), message: text() });

/** `PUT /partners/policy/{mappingkey}`: a sentence ("Policy mapping approved successfully", or rejected). */
export const policyDecisionResponse = z.string();

/** APIKeyGenerateResponseDto (`PATCH /partners/{partnerId}/generate/apikey`): the key itself, shown this once. */
export const apiKeyGenerateResponse = z.strictObject({ apiKey: text(), label: text(), partnerId: text(), policyId: text(), apiKeyId: text() });

/** MISPLicenseResponseDto (`POST /misps`): the license key, shown in full this once. */
export const mispLicenseResponse = z.strictObject({ providerId: text(), licenseKey: text(), licenseKeyStatus: text(), licenseKeyExpiry: localDateTime() });

/** PartnerPolicyResponse of `POST /partners/authenticate/verify`, for IDA: every status ACTIVE (a denial is an error). */
export const verifyResponse = z.strictObject({
  policyId: text(),
  policyName: text(),
  policyDescription: text(),
  policy: policyJson(),
  policyStatus: z.literal('ACTIVE'),
  partnerId: text(),
  partnerName: text(),
  partnerStatus: z.literal('ACTIVE'),
  certificateData: nullableText(),
  policyExpiresOn: localDateTime(),
  apiKeyExpiresOn: localDateTime(),
  mispExpiresOn: localDateTime(),
});
