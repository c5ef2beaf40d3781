import { GetPublicKeyCommand, type KMSClient, SignCommand, type SigningAlgorithmSpec } from '@aws-sdk/client-kms';
import { assertSha256Digest, type CertificateSigner, type SigningAlgorithm } from '../../domain/certificates/signer.js';
import { loadOnce } from '../../domain/load-once.js';

const KMS_SIGNING_ALGORITHMS: Record<SigningAlgorithm, SigningAlgorithmSpec> = {
  RSASSA_PKCS1_V1_5_SHA_256: 'RSASSA_PKCS1_V1_5_SHA_256',
  ECDSA_SHA_256: 'ECDSA_SHA_256',
};

/**
 * A CA key in KMS. Sends the SHA-256 digest with MessageType DIGEST, since Sign takes at most 4096 bytes of message
 * (the Sign API's limit). KMS returns ECDSA signatures DER-encoded, which is what the certificate's signatureValue holds, so
 * they are passed on unchanged. The public key is fetched once per container (GetPublicKey allows 5 rps);
 * throttled Sign calls are retried with backoff by the SDK's standard retry strategy.
 */
export function kmsSigner(client: Pick<KMSClient, 'send'>, keyId: string, algorithm: SigningAlgorithm = 'RSASSA_PKCS1_V1_5_SHA_256'): CertificateSigner {
  const signingAlgorithm = KMS_SIGNING_ALGORITHMS[algorithm];
  const publicKey = loadOnce(async () => {
    const { PublicKey, SigningAlgorithms } = await client.send(new GetPublicKeyCommand({ KeyId: keyId }));
    if (!PublicKey) throw new Error(`KMS returned no public key for ${keyId}`);
    if (!SigningAlgorithms?.includes(signingAlgorithm)) throw new Error(`KMS key ${keyId} does not sign with ${signingAlgorithm}`);
    return PublicKey;
  });
  return {
    algorithm,
    publicKey,
    async signDigest(digest) {
      assertSha256Digest(digest);
      const { Signature } = await client.send(new SignCommand({ KeyId: keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: signingAlgorithm }));
      if (!Signature) throw new Error(`KMS returned no signature for ${keyId}`);
      return Signature;
    },
  };
}
