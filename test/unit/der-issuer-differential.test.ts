import assert from 'node:assert/strict';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { localKeySigner } from '../../functions/adapters/signing/local-key-signer.js';
import { type CertificateToIssue, issueCertificate } from '../../functions/domain/certificates/certificate-issuer.js';
import type { CertificateSigner } from '../../functions/domain/certificates/signer.js';
import { forgeKeyPair } from '../../local/certificate-forge.js';
import { oracleIssueCertificate } from '../support/asn1-oracle-issuer.js';

// The DER writer against the @peculiar issuer it replaced (test/support/asn1-oracle-issuer.ts): the same request
// and the same signer give the same bytes. RSA PKCS#1 v1.5 signatures are deterministic, so whole certificates are
// compared; an ECDSA signature is not, so for an EC signer the digest of the signed part is.

const NOW = new Date('2026-03-01T08:30:15.000Z');
const YEAR = 365 * 86_400_000;

const rsaKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;

const spkiOf = (type: Parameters<typeof forgeKeyPair>[0]) => new Uint8Array(forgeKeyPair(type).publicKey.export({ format: 'der', type: 'spki' }));

/** The request with the signer's own key, self-signed, or under `issuer`. */
async function request(signer: CertificateSigner, overrides: Partial<CertificateToIssue> = {}): Promise<CertificateToIssue> {
  return {
    subject: [
      { type: 'C', value: 'IN' },
      { type: 'ST', value: 'Karnataka' },
      { type: 'L', value: 'Bengaluru' },
      { type: 'O', value: 'Différential Org' },
      { type: 'OU', value: 'Unit' },
      { type: 'CN', value: 'Root 日本' },
    ],
    subjectPublicKeyInfo: await signer.publicKey(),
    notBefore: NOW,
    notAfter: new Date(NOW.getTime() + 10 * YEAR),
    serialNumber: Uint8Array.of(0x40, 0x01, 0x02, 0x03),
    basicConstraints: { cA: true, pathLenConstraint: 1 },
    keyUsage: ['digitalSignature', 'keyCertSign', 'cRLSign'],
    ...overrides,
  };
}

test('self-signed RSA CA certificates are the same bytes, whatever the key usage, path length and validity', async () => {
  const signer = localKeySigner(rsaKey);
  const variants: Partial<CertificateToIssue>[] = [
    {},
    { basicConstraints: { cA: true } },
    { basicConstraints: { cA: true, pathLenConstraint: 0 } },
    { basicConstraints: { cA: true, pathLenConstraint: 200 } },
    { keyUsage: ['keyCertSign'] },
    { keyUsage: ['digitalSignature'] },
    { keyUsage: ['digitalSignature', 'keyEncipherment', 'keyCertSign', 'cRLSign'] },
    { notAfter: new Date('2049-12-31T23:59:59.999Z') },
    { notAfter: new Date('2050-01-01T00:00:00Z') },
    { serialNumber: Uint8Array.of(0x00, 0x80), subject: [{ type: 'CN', value: 'Only CN' }] },
  ];
  for (const overrides of variants) {
    const issued = await request(signer, overrides);
    assert.deepEqual(await issueCertificate(issued, signer), await oracleIssueCertificate(issued, signer), JSON.stringify(overrides));
  }
});

test('a certificate issued under a CA, for RSA, EC and Ed25519 keys, is the same bytes', async () => {
  const signer = localKeySigner(rsaKey);
  const ca = await issueCertificate(await request(signer), signer);
  for (const key of ['rsa2048', 'rsa4096', 'p256', 'p384', 'ed25519'] as const) {
    const issued = await request(signer, {
      issuerCertificate: ca,
      subjectPublicKeyInfo: spkiOf(key),
      notAfter: new Date(NOW.getTime() + YEAR),
      basicConstraints: { cA: false },
      keyUsage: ['digitalSignature', 'keyEncipherment'],
    });
    assert.deepEqual(await issueCertificate(issued, signer), await oracleIssueCertificate(issued, signer), key);
  }
});

/** An ECDSA signer that records the digest it is given and signs nothing (issuing then fails its own check). */
function recordingEcSigner(digests: string[]): CertificateSigner {
  return {
    algorithm: 'ECDSA_SHA_256',
    publicKey: async () => new Uint8Array(createPublicKey(ecKey).export({ format: 'der', type: 'spki' })),
    signDigest: async (digest) => {
      digests.push(Buffer.from(digest).toString('hex'));
      return Uint8Array.of(0x30, 0x00);
    },
  };
}

test('an ECDSA signer is given the same digest, so the signed part is the same bytes', async () => {
  const digests: string[] = [];
  const signer = recordingEcSigner(digests);
  const issued = await request(signer);
  await assert.rejects(issueCertificate(issued, signer));
  await assert.rejects(oracleIssueCertificate(issued, signer));
  assert.equal(digests.length, 2);
  assert.equal(digests[0], digests[1]);
});
