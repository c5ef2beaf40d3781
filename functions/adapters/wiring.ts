import { randomBytes } from 'node:crypto';
import { daysFromEnv, wholeNumberFromEnv } from '../config/env.js';
import type { ApiKeyDeps } from '../domain/api-keys/ports.js';
import type { CredentialPartnerDeps } from '../domain/credential-partners/ports.js';
import type { DeviceTypeQueryDeps } from '../domain/device-types/queries.js';
import type { DeviceDeps } from '../domain/devices/ports.js';
import type { FtmChipDeps } from '../domain/ftm-chips/ports.js';
import { newLicenseKey } from '../domain/misp-licenses/misp-license.js';
import type { MispLicenseDeps } from '../domain/misp-licenses/ports.js';
import type { PortalNotificationDeps } from '../domain/notifications/ports.js';
import type { PartnerAdminDeps, PartnerDeps } from '../domain/partners/ports.js';
import type { PolicyDeps } from '../domain/policies/ports.js';
import type { PolicyGroupDeps } from '../domain/policy-groups/ports.js';
import type { LegacyRequestDeps } from '../domain/policy-requests/legacy-requests.js';
import type { PolicyRequestDeps } from '../domain/policy-requests/ports.js';
import type { PolicyRequestListDeps } from '../domain/policy-requests/request-list-queries.js';
import { systemClock } from '../domain/ports.js';
import type { UserDeps } from '../domain/users/ports.js';
import type { VerificationDeps } from '../domain/verification/ports.js';
import { API_KEYS_PER_POLICY_MAX_ENV, API_KEYS_PER_POLICY_RANGE, DEFAULT_API_KEYS_PER_POLICY_MAX } from './api-key-settings.js';
import { dynamoApiKeyReader } from './dynamodb/api-key-reader.js';
import { dynamoApiKeyRepository } from './dynamodb/api-key-repository.js';
import { dynamoAuditTrailReader } from './dynamodb/audit-trail-reader.js';
import { tableContext } from './dynamodb/client.js';
import { dynamoCredentialPartnerRepository } from './dynamodb/credential-partner-repository.js';
import { dynamoDeviceRepository } from './dynamodb/device-repository.js';
import { dynamoDeviceTypeCatalog, dynamoDeviceTypeMasterData } from './dynamodb/device-type-catalog.js';
import { dynamoExtractorReader } from './dynamodb/extractor-reader.js';
import { dynamoFtmChipRepository } from './dynamodb/ftm-chip-repository.js';
import { dynamoListedApiKeys, dynamoPartnerList } from './dynamodb/indexed-list.js';
import { dynamoMispLicenseRepository } from './dynamodb/misp-license-repository.js';
import { dynamoNotificationRepository, dynamoSeenTimestamps } from './dynamodb/notification-repository.js';
import { dynamoPartnerRepository } from './dynamodb/partner-repository.js';
import { dynamoPendingApprovals } from './dynamodb/pending-approvals.js';
import { dynamoPolicyGroupRepository } from './dynamodb/policy-group-repository.js';
import { dynamoPolicyRepository } from './dynamodb/policy-repository.js';
import { dynamoPolicyRequestReader } from './dynamodb/policy-request-reader.js';
import { dynamoPolicyRequestRepository } from './dynamodb/policy-request-repository.js';
import { dynamoUserRepository } from './dynamodb/user-repository.js';
import { dynamoVerificationReader } from './dynamodb/verification-reader.js';
import { numericIds, uuidIds } from './ids.js';
import { DEFAULT_MISP_LICENSE_VALIDITY_DAYS, MISP_LICENSE_VALIDITY_DAYS_ENV, MISP_LICENSE_VALIDITY_RANGE } from './misp-license-settings.js';
import { once } from './once.js';
import { personalDataProtector } from './personal-data/protector-from-env.js';

/**
 * Composition root: the real adapters behind each domain's ports, built once per Lambda container. Each `once(...)`
 * is marked pure, so esbuild drops the ones a function never calls, and with them what only they import: without
 * the marks every function bundled the personal-data protector and its KMS client (docs/bench.md).
 */
export { once };

export const policyGroupDeps = /* @__PURE__ */ once(
  (): PolicyGroupDeps => ({ groups: dynamoPolicyGroupRepository(tableContext()), clock: systemClock, ids: uuidIds }),
);

export const policyDeps = /* @__PURE__ */ once((): PolicyDeps & { groups: PolicyGroupDeps['groups'] } => ({
  policies: dynamoPolicyRepository(tableContext()),
  groups: policyGroupDeps().groups,
  apiKeys: dynamoApiKeyReader(tableContext()),
  clock: systemClock,
  ids: uuidIds,
}));

/** The partners table, apart from partnerDeps so that deps needing only the partners do not build the protector. */
export const partnerRepository = /* @__PURE__ */ once(() => dynamoPartnerRepository(tableContext()));

/** Built once per container: its data keys are cached for all the operations of the container. */
export const personalData = /* @__PURE__ */ once(() => personalDataProtector());

export const partnerDeps = /* @__PURE__ */ once(
  (): PartnerDeps => ({
    partners: partnerRepository(),
    groups: policyGroupDeps().groups,
    personalData: personalData(),
    clock: systemClock,
    ids: uuidIds,
  }),
);

export const userDeps = /* @__PURE__ */ once((): UserDeps => ({ users: dynamoUserRepository(tableContext()), clock: systemClock }));

export const credentialPartnerDeps = /* @__PURE__ */ once(
  (): CredentialPartnerDeps => ({
    partners: partnerRepository(),
    credentialPartners: dynamoCredentialPartnerRepository(tableContext()),
    policies: dynamoPolicyRepository(tableContext()),
    groups: policyGroupDeps().groups,
    clock: systemClock,
  }),
);

/** The admins' queues of pending approvals, apart from partnerAdminDeps for the counts, which read no partner. */
export const pendingApprovals = /* @__PURE__ */ once(() => dynamoPendingApprovals(tableContext()));

export const partnerAdminDeps = /* @__PURE__ */ once(
  (): PartnerAdminDeps => ({
    ...partnerDeps(),
    groups: policyGroupDeps().groups,
    partnerList: dynamoPartnerList(tableContext()),
    pendingApprovals: pendingApprovals(),
  }),
);

export const policyRequestDeps = /* @__PURE__ */ once(
  (): PolicyRequestDeps => ({
    requests: dynamoPolicyRequestRepository(tableContext()),
    partners: partnerRepository(),
    policies: policyDeps().policies,
    groups: policyGroupDeps().groups,
    extractors: dynamoExtractorReader(tableContext()),
    clock: systemClock,
    ids: uuidIds,
  }),
);

/** `API_KEYS_PER_POLICY_MAX`, the cap on a partner's active keys per policy: 1 to 10 000, 25 when unset; a bad value stops the start. */
export function apiKeysPerPolicyMaxFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumberFromEnv(API_KEYS_PER_POLICY_MAX_ENV, DEFAULT_API_KEYS_PER_POLICY_MAX, API_KEYS_PER_POLICY_RANGE, env);
}

/** API keys: 32 random bytes, base64url (256 bits); validity from `API_KEY_VALIDITY_DAYS` (default 100 years). */
export const apiKeyDeps = /* @__PURE__ */ once(
  (): ApiKeyDeps => ({
    apiKeys: dynamoApiKeyRepository(tableContext()),
    listedKeys: dynamoListedApiKeys(tableContext()),
    partners: partnerRepository(),
    policies: policyDeps().policies,
    groups: policyGroupDeps().groups,
    links: dynamoPolicyRequestRepository(tableContext()),
    secrets: { newSecret: () => randomBytes(32).toString('base64url') },
    validityDays: daysFromEnv('API_KEY_VALIDITY_DAYS', 36500),
    activeKeysPerPolicyMax: apiKeysPerPolicyMaxFromEnv(),
    clock: systemClock,
    ids: uuidIds,
  }),
);

export const policyRequestListDeps = /* @__PURE__ */ once(
  (): PolicyRequestListDeps => ({ reader: dynamoPolicyRequestReader(tableContext()), partners: partnerRepository() }),
);

/** The legacy reads of policy requests, with the partner's keys for approved ones. */
export const legacyRequestDeps = /* @__PURE__ */ once(
  (): LegacyRequestDeps => ({
    reader: dynamoPolicyRequestReader(tableContext()),
    partners: partnerRepository(),
    apiKeys: dynamoApiKeyRepository(tableContext()),
    clock: systemClock,
  }),
);

/** A new MISP license's validity in days, from `MISP_LICENSE_VALIDITY_DAYS` (365 when unset); a bad value stops the start. */
export function mispLicenseValidityDaysFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumberFromEnv(MISP_LICENSE_VALIDITY_DAYS_ENV, DEFAULT_MISP_LICENSE_VALIDITY_DAYS, MISP_LICENSE_VALIDITY_RANGE, env);
}

/** MISP licenses: 50 symbols of [0-9a-zA-Z] by rejection sampling over `randomBytes`. */
export const mispLicenseDeps = /* @__PURE__ */ once(
  (): MispLicenseDeps => ({
    licenses: dynamoMispLicenseRepository(tableContext()),
    partners: partnerRepository(),
    policies: policyDeps().policies,
    newKey: () => newLicenseKey(randomBytes),
    validityDays: mispLicenseValidityDaysFromEnv(),
    clock: systemClock,
    ids: uuidIds,
  }),
);

/** Key verification for IDA: one BatchGetItem per request, no writes. */
export const verificationDeps = /* @__PURE__ */ once((): VerificationDeps => ({ reader: dynamoVerificationReader(tableContext()), clock: systemClock }));

/** The audit trail: one Query of an object's audit partition. */
export const auditTrailDeps = /* @__PURE__ */ once(() => ({ reader: dynamoAuditTrailReader(tableContext()) }));

/** Portal notifications: the caller's own, read by Query on the notification partitions. */
export const portalNotificationDeps = /* @__PURE__ */ once(
  (): PortalNotificationDeps => ({
    notifications: dynamoNotificationRepository(tableContext()),
    seen: dynamoSeenTimestamps(tableContext()),
    partners: partnerRepository(),
    clock: systemClock,
  }),
);

/** The device type master data: one Query of its partition per list. */
export const deviceTypeQueryDeps = /* @__PURE__ */ once((): DeviceTypeQueryDeps => ({ masterData: dynamoDeviceTypeMasterData(tableContext()) }));

/** SBIs, devices and their links, with the device type master data their devices are checked against. */
export const deviceDeps = /* @__PURE__ */ once(
  (): DeviceDeps => ({
    devices: dynamoDeviceRepository(tableContext()),
    partners: partnerRepository(),
    deviceTypes: dynamoDeviceTypeCatalog(tableContext()),
    clock: systemClock,
    ids: uuidIds,
  }),
);

/** FTM chips, with the partners that provide them. */
export const ftmChipDeps = /* @__PURE__ */ once(
  (): FtmChipDeps => ({
    chips: dynamoFtmChipRepository(tableContext()),
    partners: partnerRepository(),
    clock: systemClock,
    chipIds: numericIds,
    ids: uuidIds,
  }),
);
