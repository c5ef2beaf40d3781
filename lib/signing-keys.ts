import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { type IKey, Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { PMS_CA_SIGNING_ALGORITHM } from '../functions/adapters/signing/ca-keys.js';

/**
 * The PMS certificate authority keys: partner certificates are re-signed by the issuing CA, whose certificate the
 * root CA signs. The private keys never leave KMS. Asymmetric keys cannot rotate automatically (a new key means a
 * new CA certificate), which is why AwsSolutions-KMS5 only applies to symmetric keys.
 */
export class SigningKeys extends Construct {
  readonly rootCa: Key;
  readonly issuingCa: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.rootCa = signingKey(this, 'RootCa', 'PMS root CA: signs the issuing CA certificate');
    this.issuingCa = signingKey(this, 'IssuingCa', 'PMS issuing CA: re-signs partner certificates');
  }
}

/**
 * What a CA signer needs of its key (functions/adapters/signing/kms-signer.ts): its public key, and signatures of
 * SHA-256 digests with the CA's one algorithm. Granted in the function's own policy; the key policy leaves access
 * to IAM, so no other principal of the stack can sign.
 */
export function grantCaKeyUse(grantee: IGrantable, key: IKey): void {
  Grant.addToPrincipal({ grantee, actions: ['kms:GetPublicKey'], resourceArns: [key.keyArn] });
  Grant.addToPrincipal({
    grantee,
    actions: ['kms:Sign'],
    resourceArns: [key.keyArn],
    conditions: { StringEquals: { 'kms:SigningAlgorithm': PMS_CA_SIGNING_ALGORITHM, 'kms:MessageType': 'DIGEST' } },
  });
}

function signingKey(scope: Construct, id: string, description: string): Key {
  return new Key(scope, id, {
    description,
    keySpec: KeySpec.RSA_2048,
    keyUsage: KeyUsage.SIGN_VERIFY,
    pendingWindow: Duration.days(30),
    removalPolicy: RemovalPolicy.RETAIN,
  });
}
