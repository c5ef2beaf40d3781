/**
 * What an operation does with partners' personal data (e-mail, phone, address), declared on its route row or job
 * row: `seal` encrypts a field under a data key (kms:GenerateDataKey), `reveal` decrypts one (kms:Decrypt), `lookup`
 * makes the keyed hash an e-mail is found by (kms:GenerateMac on the separate MAC key). CDK grants exactly these to
 * the function, and the local stack refuses any other use, so the e2e suite proves each declaration.
 */
export type PersonalDataUse = 'seal' | 'reveal' | 'lookup';

/** The KMS action each use needs, and on which of the two keys. */
export const PERSONAL_DATA_ACTIONS: Readonly<Record<PersonalDataUse, { key: 'data' | 'mac'; action: string }>> = {
  seal: { key: 'data', action: 'kms:GenerateDataKey' },
  reveal: { key: 'data', action: 'kms:Decrypt' },
  lookup: { key: 'mac', action: 'kms:GenerateMac' },
};

/** The environment variables naming the two keys; a function finds only the keys its uses need. */
export const PERSONAL_DATA_KEY_ENV = {
  data: 'PMS_PERSONAL_DATA_KEY_ID',
  mac: 'PMS_PERSONAL_DATA_MAC_KEY_ID',
} as const;

/** Bound into every data key (KMS encryption context): a data key made for personal data decrypts nothing else. */
export const PERSONAL_DATA_ENCRYPTION_CONTEXT: Readonly<Record<string, string>> = { purpose: 'pms-personal-data' };

/** The one MAC algorithm the MAC key is used with; IAM allows kms:GenerateMac with nothing else. */
export const PERSONAL_DATA_MAC_ALGORITHM = 'HMAC_SHA_256';

export function personalDataActionsOf(uses: readonly PersonalDataUse[] = []): { key: 'data' | 'mac'; action: string }[] {
  return [...new Set(uses)].map((use) => PERSONAL_DATA_ACTIONS[use]);
}
