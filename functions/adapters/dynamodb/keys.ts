import type { ExpiryKind } from '../../domain/expiry/expiry-calendar.js';
import { allShards, shardOf, shardSuffix } from './write-shards.js';

/**
 * Every key the table uses, in one place. Partition keys are prefixed with the entity name; ids are UUIDs.
 * Uniqueness guards are separate items whose only job is to make a conditional put fail on a duplicate.
 */
export interface ItemKey {
  pk: string;
  sk: string;
}

/** Names compared for uniqueness: trimmed, Unicode-normalised and case-folded. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Every audit record of one object lives in one partition, sorted by time. */
export function auditTrailPartition(objectType: string, objectId: string): string {
  return `AUDIT#${objectType}#${objectId}`;
}

/** Everything kept per signed-in user lives in one partition. */
export function userPartition(userId: string): string {
  return `USER#${userId}`;
}

export const keys = {
  /** What the health checks read to learn that the table answers: a partition of its own, never written (the item need not exist). */
  healthProbe: { pk: 'HEALTH', sk: 'PROBE' } as const satisfies ItemKey,
  partner: (id: string): ItemKey => ({ pk: `PARTNER#${id}`, sk: 'PARTNER' }),
  partnerEmail: (emailLookup: string): ItemKey => ({ pk: `PARTNER_EMAIL#${emailLookup}`, sk: 'UNIQUE' }),
  /** Which partners a signed-in user owns. */
  userPartner: (userId: string, partnerId: string): ItemKey => ({ pk: userPartition(userId), sk: `PARTNER#${partnerId}` }),
  policyGroup: (id: string): ItemKey => ({ pk: `POLICY_GROUP#${id}`, sk: 'POLICY_GROUP' }),
  policyGroupName: (name: string): ItemKey => ({ pk: `POLICY_GROUP_NAME#${normaliseName(name)}`, sk: 'UNIQUE' }),
  policy: (id: string): ItemKey => ({ pk: `POLICY#${id}`, sk: 'POLICY' }),
  policyName: (groupId: string, name: string): ItemKey => ({ pk: `POLICY_NAME#${groupId}#${normaliseName(name)}`, sk: 'UNIQUE' }),
  policyRequest: (partnerId: string, mappingKey: string): ItemKey => ({ pk: `PARTNER#${partnerId}`, sk: `POLICY_REQUEST#${mappingKey}` }),
  /** Finds a request by its mapping key alone (MOSIP's approval path names only the key). */
  policyRequestPointer: (mappingKey: string): ItemKey => ({ pk: `POLICY_REQUEST#${mappingKey}`, sk: 'POINTER' }),
  /** The one open (pending or approved) request of a partner for a policy. */
  policyLink: (partnerId: string, policyId: string): ItemKey => ({ pk: `POLICY_LINK#${partnerId}#${policyId}`, sk: 'LINK' }),
  outboxEvent: (eventId: string): ItemKey => ({ pk: `OUTBOX#${eventId}`, sk: 'EVENT' }),
  audit: (objectType: string, objectId: string, at: string, id: string): ItemKey => ({ pk: auditTrailPartition(objectType, objectId), sk: `${at}#${id}` }),
  /** An extra contact of a partner, one per e-mail address. */
  partnerContact: (partnerId: string, emailLookup: string): ItemKey => ({ pk: `PARTNER#${partnerId}`, sk: `CONTACT#${emailLookup}` }),
  /** A signed-in user's consent to PMS keeping their data (MOSIP user_details); lives beside their partner links. */
  userConsent: (userId: string): ItemKey => ({ pk: userPartition(userId), sk: 'CONSENT' }),
  /** How far a scheduled job walked the expiry calendar. */
  jobProgress: (job: string): ItemKey => ({ pk: `JOB#${job}`, sk: 'PROGRESS' }),
  /** The one policy a partner uses for a credential type (MOSIP partner_policy_credential_type). */
  credentialTypeMapping: (partnerId: string, credentialType: string): ItemKey => ({ pk: `PARTNER#${partnerId}`, sk: `CREDENTIAL_TYPE#${credentialType}` }),
  /** A partner's biometric extractor for one attribute under one policy (MOSIP biometric_extractor_provider). */
  bioExtractor: (partnerId: string, policyId: string, attributeName: string): ItemKey => ({
    pk: `PARTNER#${partnerId}`,
    sk: `${sortKeyPrefixes.bioExtractorsOfPolicy(policyId)}${encodeURIComponent(attributeName)}`,
  }),
};

/** Index partitions (and the sort-key prefixes under them) that list queries read. */
export const indexKeys = {
  /** gsi1: every policy group, sorted by creation time. */
  allPolicyGroups: 'POLICY_GROUPS',
  /** gsi2: active policy groups only (sparse: the attribute is removed on deactivation). */
  activePolicyGroups: 'POLICY_GROUPS#ACTIVE',
  /** gsi1: the policies of one group, sorted by creation time. */
  policiesOfGroup: (groupId: string) => `POLICY_GROUP#${groupId}#POLICIES`,
  /** gsi1: every partner, by registration time (the admin list). */
  allPartners: 'PARTNERS',
  /** gsi2: partners of one type. */
  partnersOfType: (type: string) => `PARTNERS#${type}`,
  /** gsi2: every policy, sorted by creation time (lists and searches). */
  allPolicies: 'POLICIES',
  /** gsi3: the activated policies of one name, in any group (sparse: a policy leaves it when deactivated). */
  activePoliciesNamed: (name: string) => `ACTIVE_POLICY_NAME#${normaliseName(name)}`,
  /** gsi1: a partner's API keys. */
  apiKeysOfPartner: (partnerId: string) => `PARTNER#${partnerId}#APIKEYS`,
  /** gsi1: the partner requests for one policy. */
  requestsOfPolicy: (policyId: string) => `POLICY#${policyId}#REQUESTS`,
  /** gsi2: partner-policy requests in one status. */
  requestsInStatus: (status: string) => `POLICY_REQUESTS#${status}`,
  /** gsi2: SBIs in one approval status (`pending_approval`, `approved`, `rejected`, `deactivated`). */
  sbisInStatus: (status: string) => `SBIS#${status}`,
  /** gsi2: devices in one approval status (`pending_approval`, `approved`, `rejected`, `deactivated`). */
  devicesInStatus: (status: string) => `DEVICES#${status}`,
  /** gsi2: FTM chips in one status (`pending_cert_upload`, `pending_approval`, `approved`, `rejected`, `deactivated`). */
  ftmChipsInStatus: (status: string) => `FTM_CHIPS#${status}`,
  /**
   * gsi1: events committed but not yet relayed to the bus, oldest first, spread over WRITE_SHARDS partitions by event
   * id (every change writes one); `OUTBOX` alone holds events written before the shards.
   */
  outbox: (eventId: string) => `OUTBOX#${shardSuffix(shardOf(eventId))}`,
  outboxShards: () => ['OUTBOX', ...allShards().map((shard) => `OUTBOX#${shardSuffix(shard)}`)],
  /** gsi1: audit records of one UTC day, in time order, spread over WRITE_SHARDS partitions by record id (every change writes one). */
  auditDay: (at: string, recordId: string) => `AUDIT_DAY#${at.slice(0, 10)}#${shardSuffix(shardOf(recordId))}`,
  /**
   * gsi3: one expiry calendar per kind of thing that expires (CA and partner certificates, API keys, MISP
   * licenses, SBIs, FTM chip certificates), sorted by expiry instant, so a job reads one date range per kind and a new
   * kind needs only its calendar attributes (`expiryCalendarEntry`).
   */
  expiryCalendar: (kind: ExpiryKind) => `EXPIRY#${EXPIRY_KIND_KEYS[kind]}`,
};

/** The calendar partition's name for each kind the domain names. */
export const EXPIRY_KIND_KEYS = {
  caCertificate: 'CA_CERT',
  partnerCertificate: 'PARTNER_CERT',
  apiKey: 'APIKEY',
  mispLicense: 'MISP_LICENSE',
  sbi: 'SBI',
  ftmChip: 'FTM_CHIP',
} as const satisfies Record<ExpiryKind, string>;

/** The calendar attributes of an item that expires: its kind's calendar, sorted by expiry instant, then id. */
export function expiryCalendarEntry(expiresAt: string, kind: ExpiryKind, id: string): { gsi3pk: string; gsi3sk: string } {
  return { gsi3pk: indexKeys.expiryCalendar(kind), gsi3sk: `${expiresAt}#${id}` };
}

/**
 * Sort-key prefixes that `Query … begins_with` reads within one partition. Free-text segments are URI-encoded so
 * a `#` inside a value cannot make one prefix match another's items.
 */
export const sortKeyPrefixes = {
  /** Under `USER#<userId>`: the partners the user owns. */
  partnersOfUser: 'PARTNER#',
  /** Under `PARTNER#<partnerId>`: the partner's policy requests. */
  policyRequests: 'POLICY_REQUEST#',
  /** Under `PARTNER#<partnerId>`: the partner's biometric extractors for one policy. */
  bioExtractorsOfPolicy: (policyId: string) => `BIO_EXTRACTOR#${encodeURIComponent(policyId)}#`,
};

/** API keys are stored by the SHA-256 of the key; the key itself is never stored (see docs/data-model.md). */
export const apiKeyKeys = {
  apiKey: (keyHash: string): ItemKey => ({ pk: `APIKEY#${keyHash}`, sk: 'APIKEY' }),
  /** Finds a key by its UUID (the id that stands for the key in URLs, lists and events). */
  apiKeyPointer: (keyId: string): ItemKey => ({ pk: `APIKEY_ID#${keyId}`, sk: 'POINTER' }),
  /** One key per partner, policy and normalised label. */
  apiKeyLabel: (partnerId: string, policyId: string, label: string): ItemKey => ({
    pk: `APIKEY_LABEL#${encodeURIComponent(partnerId)}#${encodeURIComponent(policyId)}#${normaliseName(label)}`,
    sk: 'UNIQUE',
  }),
  /** The number of a partner's active keys for one policy, kept by every write that switches a key on or off. */
  activeKeyCount: (partnerId: string, policyId: string): ItemKey => ({
    pk: `APIKEY_COUNT#${encodeURIComponent(partnerId)}#${encodeURIComponent(policyId)}`,
    sk: 'ACTIVE',
  }),
  /** gsi2: the API keys the admin list shows (authentication partners'), by creation time. */
  allApiKeys: 'APIKEYS',
  /** gsi2: the keys of partners of another type, by creation time (the legacy search reads them too). */
  apiKeysOfPartnerType: (partnerType: string) => `APIKEYS#${partnerType}`,
};

/** MISP licenses are stored by the SHA-256 of the key, as API keys are; the key itself is never stored. */
export const mispLicenseKeys = {
  license: (keyHash: string): ItemKey => ({ pk: `MISP_LICENSE#${keyHash}`, sk: 'MISP_LICENSE' }),
  /** Names the MISP's newest license; every write that depends on which is newest is conditional on it. */
  head: (mispId: string): ItemKey => ({ pk: `MISP_LICENSES#${encodeURIComponent(mispId)}`, sk: 'HEAD' }),
  /** gsi1: one MISP's licenses, by creation time. */
  licensesOfMisp: (mispId: string) => `MISP#${encodeURIComponent(mispId)}#LICENSES`,
  /** gsi2: every license, by creation time (the admin list). */
  allLicenses: 'MISP_LICENSES',
};

/** The CA trust store, the partners' certificates and the PMS's own CA (docs/data-model.md, "Certificates"). */
export const certificateKeys = {
  caCertificate: (certId: string): ItemKey => ({ pk: `CA_CERT#${certId}`, sk: 'CA_CERT' }),
  /** MOSIP's duplicate rule: one CA certificate per partner domain and SHA-1 thumbprint. */
  caThumbprint: (domain: string, thumbprintSha1: string): ItemKey => ({ pk: `CA_CERT_THUMBPRINT#${domain}#${thumbprintSha1}`, sk: 'UNIQUE' }),
  /** gsi1: the CA certificates of one partner domain (the trust anchors and intermediates of path validation). */
  caCertificatesOfDomain: (domain: string) => `CA_CERTS#${domain}`,
  /** gsi2: every CA certificate, by upload time (the admin list). */
  allCaCertificates: 'CA_CERTS',
  /** One uploaded partner certificate; the partner's `certificateAlias` names the current one. */
  partnerCertificate: (partnerId: string, certId: string): ItemKey => ({ pk: `PARTNER#${partnerId}`, sk: `CERTIFICATE#${certId}` }),
  /** The PMS CA hierarchy (root and issuing certificates), created once at deploy or first local start. */
  pmsCa: { pk: 'PMS_CA', sk: 'CURRENT' } as ItemKey,
};

/** Portal notifications, the markers that keep each notice single, and the mails waiting to be sent. */
export const notificationKeys = {
  notification: (id: string): ItemKey => ({ pk: `NOTIFICATION#${id}`, sk: 'NOTIFICATION' }),
  /** gsi1: one partner's notifications, newest last. */
  ofPartner: (partnerId: string) => `NOTIFICATIONS#PARTNER#${encodeURIComponent(partnerId)}`,
  /** gsi1: the notifications every partner admin sees. */
  ofAdmins: 'NOTIFICATIONS#ADMINS',
  /** The notice of one item at one threshold was given. */
  noticeMarker: (kind: string, itemId: string, threshold: number): ItemKey => ({ pk: `NOTICE#${kind}#${itemId}`, sk: `DAYS#${threshold}` }),
  /** A notice given once per key (the weekly summary of one week). */
  noticeOnce: (key: string): ItemKey => ({ pk: `NOTICE_ONCE#${key}`, sk: 'ONCE' }),
  /** One admin dismissed one admin notification. */
  dismissal: (userId: string, notificationId: string): ItemKey => ({ pk: userPartition(userId), sk: `DISMISSED#${notificationId}` }),
  dismissalsPrefix: 'DISMISSED#',
  /** When the user last opened the notifications (MOSIP user_details.notifications_seen_dtimes). */
  seenTimestamp: (userId: string): ItemKey => ({ pk: userPartition(userId), sk: 'NOTIFICATIONS_SEEN' }),
  mail: (notificationId: string): ItemKey => ({ pk: `MAIL#${notificationId}`, sk: 'MAIL' }),
  /**
   * gsi1: mails waiting for an attempt, by when it is due: `<due instant>#<notificationId>` after a failed attempt,
   * `newMailSortKey` before the first (due at once, whatever clock wrote it). The local sender reads it.
   */
  mailOutbox: 'MAIL_OUTBOX',
  /** '0' sorts before every instant, so a new mail is due at once; among new mails, the oldest first. */
  newMailSortKey: (createdAt: string, notificationId: string) => `0#${createdAt}#${notificationId}`,
  /** The sort key of a mail in MAIL_OUTBOX (when due) or MAIL_DEAD_LETTERS (since when): the instant, then the id. */
  mailSortKey: (at: string, notificationId: string) => `${at}#${notificationId}`,
  /** The last possible mail sort key at `at` ('~' sorts after every id): the upper bound of "due by then". */
  lastMailSortKeyAt: (at: string) => `${at}#~`,
  /** gsi1: mails whose attempts ran out, by when (`<deadLetteredAt>#<notificationId>`), until redriven or given up. */
  mailDeadLetters: 'MAIL_DEAD_LETTERS',
};

/** The device type master data: one small partition, so every read is one GetItem or one Query. Codes URI-encoded. */
export const deviceTypeKeys = {
  partition: 'DEVICE_TYPES',
  deviceType: (code: string): ItemKey => ({ pk: deviceTypeKeys.partition, sk: `TYPE#${encodeURIComponent(code)}` }),
  deviceSubType: (deviceTypeCode: string, code: string): ItemKey => ({
    pk: deviceTypeKeys.partition,
    sk: `SUBTYPE#${encodeURIComponent(deviceTypeCode)}#${encodeURIComponent(code)}`,
  }),
  typesPrefix: 'TYPE#',
  subTypesPrefix: 'SUBTYPE#',
};

/** SBIs, devices and their links (docs/data-model.md, "SBIs and devices"). Free-text segments are URI-encoded. */
export const deviceKeys = {
  sbi: (id: string): ItemKey => ({ pk: `SBI#${id}`, sk: 'SBI' }),
  /** One SBI per provider and normalised version (MOSIP's PMS_AUT_512), whatever its state. */
  sbiVersion: (providerId: string, version: string): ItemKey => ({
    pk: `SBI_VERSION#${encodeURIComponent(providerId)}#${encodeURIComponent(normaliseName(version))}`,
    sk: 'UNIQUE',
  }),
  /** gsi1: one provider's SBIs, by creation time. */
  sbisOfProvider: (providerId: string) => `PARTNER#${encodeURIComponent(providerId)}#SBIS`,
  device: (id: string): ItemKey => ({ pk: `DEVICE#${id}`, sk: 'DEVICE' }),
  /** One live (pending or approved-and-active) device per provider, type, subtype, make and model (PMS_AUT_003). */
  deviceModel: (device: { deviceProviderId: string; deviceTypeCode: string; deviceSubTypeCode: string; make: string; model: string }): ItemKey => ({
    pk: ['DEVICE_MODEL', device.deviceProviderId, device.deviceTypeCode, device.deviceSubTypeCode, normaliseName(device.make), normaliseName(device.model)]
      .map((part, index) => (index === 0 ? part : encodeURIComponent(part)))
      .join('#'),
    sk: 'UNIQUE',
  }),
  /** gsi1: one provider's devices, by creation time. */
  devicesOfProvider: (providerId: string) => `PARTNER#${encodeURIComponent(providerId)}#DEVICES`,
  /** A device↔SBI link lives in its SBI's partition. */
  link: (sbiId: string, deviceId: string): ItemKey => ({ pk: `SBI#${sbiId}`, sk: `DEVICE#${deviceId}` }),
  /** Under `SBI#<sbiId>`: the SBI's links. */
  linksOfSbiPrefix: 'DEVICE#',
};

/** FTM chips and their certificate uploads (docs/data-model.md, "FTM chips"). */
export const ftmChipKeys = {
  chip: (id: string): ItemKey => ({ pk: `FTM_CHIP#${id}`, sk: 'FTM_CHIP' }),
  /** Every certificate upload of a chip lives in the chip's partition; the chip names the current one. */
  certificate: (ftmId: string, certId: string): ItemKey => ({ pk: `FTM_CHIP#${ftmId}`, sk: `CERTIFICATE#${certId}` }),
  /** One live (not rejected, not deactivated) chip per provider, make and model (PMP_AUT_032). */
  chipModel: (chip: { ftpProviderId: string; make: string; model: string }): ItemKey => ({
    pk: `FTM_CHIP_MODEL#${[chip.ftpProviderId, normaliseName(chip.make), normaliseName(chip.model)].map(encodeURIComponent).join('#')}`,
    sk: 'UNIQUE',
  }),
  /** gsi1: one provider's chips, by creation time. */
  chipsOfProvider: (providerId: string) => `PARTNER#${encodeURIComponent(providerId)}#FTM_CHIPS`,
};

/** OIDC clients of authentication partners (docs/data-model.md, "OIDC clients"). The id is derived from the public key. */
export const oidcClientKeys = {
  /** Its conditional put is the one-client-per-public-key guard: the id is the key's hash. */
  client: (id: string): ItemKey => ({ pk: `OIDC_CLIENT#${id}`, sk: 'OIDC_CLIENT' }),
  /** gsi1: one partner's clients, by creation time. */
  clientsOfPartner: (partnerId: string) => `PARTNER#${encodeURIComponent(partnerId)}#OIDC_CLIENTS`,
  /** gsi2: every client, by creation time (the admin list). */
  allClients: 'OIDC_CLIENTS',
  /** gsi3 (sparse): clients whose last change waits for eSignet, by when it was stored. */
  pendingClients: 'OIDC_CLIENTS#PENDING',
};
