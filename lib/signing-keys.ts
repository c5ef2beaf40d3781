import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

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

function signingKey(scope: Construct, id: string, description: string): Key {
  return new Key(scope, id, {
    description,
    keySpec: KeySpec.RSA_2048,
    keyUsage: KeyUsage.SIGN_VERIFY,
    pendingWindow: Duration.days(30),
    removalPolicy: RemovalPolicy.RETAIN,
  });
}
