import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { type IKey, Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import {
  PERSONAL_DATA_ENCRYPTION_CONTEXT,
  PERSONAL_DATA_MAC_ALGORITHM,
  type PersonalDataUse,
  personalDataActionsOf,
} from '../functions/routes/personal-data-access.js';

/**
 * The keys behind partners' personal data (e-mail, phone, address): a symmetric key whose data keys encrypt each
 * field (envelope encryption, AES-256-GCM), and an HMAC key that makes the keyed hash an e-mail is found by.
 * Both are retained: without the data key every stored field is lost, without the MAC key no e-mail is found.
 * The HMAC key cannot rotate automatically (KMS rotates symmetric encryption keys only), and AwsSolutions-KMS5
 * only applies to those.
 */
export class PersonalDataKeys extends Construct {
  readonly data: Key;
  readonly mac: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.data = new Key(this, 'DataKey', {
      description: "PMS personal data: makes the data keys that encrypt partners' e-mail, phone and address",
      keySpec: KeySpec.SYMMETRIC_DEFAULT,
      keyUsage: KeyUsage.ENCRYPT_DECRYPT,
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.mac = new Key(this, 'MacKey', {
      description: "PMS personal data: HMAC of partners' e-mail addresses, by which a partner is found by e-mail",
      keySpec: KeySpec.HMAC_256,
      keyUsage: KeyUsage.GENERATE_VERIFY_MAC,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  keyOf(kind: 'data' | 'mac'): IKey {
    return kind === 'data' ? this.data : this.mac;
  }
}

/** The KMS condition each key's actions are held to: data keys bound to personal data, MACs of one algorithm. */
export const PERSONAL_DATA_CONDITIONS: Readonly<Record<'data' | 'mac', Record<string, Record<string, string>>>> = {
  data: {
    StringEquals: Object.fromEntries(Object.entries(PERSONAL_DATA_ENCRYPTION_CONTEXT).map(([name, value]) => [`kms:EncryptionContext:${name}`, value])),
  },
  mac: { StringEquals: { 'kms:MacAlgorithm': PERSONAL_DATA_MAC_ALGORITHM } },
};

/**
 * Exactly the KMS actions the uses need (PERSONAL_DATA_ACTIONS), each on its key and under its key's condition,
 * in the function's own policy; the key policies leave access to IAM.
 */
export function grantPersonalDataUse(grantee: IGrantable, keys: PersonalDataKeys, uses: readonly PersonalDataUse[]): void {
  for (const { key, action } of personalDataActionsOf(uses)) {
    Grant.addToPrincipal({ grantee, actions: [action], resourceArns: [keys.keyOf(key).keyArn], conditions: PERSONAL_DATA_CONDITIONS[key] });
  }
}

/** Which of the two keys the uses need: a function is told only those. */
export function personalDataKeysNeeded(uses: readonly PersonalDataUse[]): ('data' | 'mac')[] {
  return [...new Set(personalDataActionsOf(uses).map(({ key }) => key))];
}
