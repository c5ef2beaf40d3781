import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { constants, createHash, generateKeyPairSync, type KeyObject, privateEncrypt, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { GetPublicKeyCommand, type KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { p256 } from '@noble/curves/nist.js';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { kmsSigner } from '../../functions/adapters/signing/kms-signer.js';
import { localKeySigner } from '../../functions/adapters/signing/local-key-signer.js';
import {
  CertificateSignatureError,
  type CertificateToIssue,
  issueCertificate,
  randomSerialNumber,
  type SubjectAttribute,
} from '../../functions/domain/certificates/certificate-issuer.js';
import { ensurePmsCa, type PmsCa, type PmsCaStore } from '../../functions/domain/certificates/pms-ca.js';
import { resignedPartnerCertificate } from '../../functions/domain/certificates/resigned-partner-certificate.js';
import type { CertificateSigner, SigningAlgorithm } from '../../functions/domain/certificates/signer.js';

const SHA256_DIGEST_INFO_PREFIX = Buffer.from('3031300d060960864801650304020105000420', 'hex');
const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);

type SignatureEncoding = 'correct' | 'ieee-p1363' | 'flipped';

interface FakeKms {
  client: Pick<KMSClient, 'send'>;
  getPublicKeyCalls: string[];
  signCalls: string[];
}

interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** KMS as far as the signer uses it: real keys, and the request checks KMS itself would make. */
function fakeKms(keys: Record<string, KeyPair>, encoding: SignatureEncoding = 'correct'): FakeKms {
  const getPublicKeyCalls: string[] = [];
  const signCalls: string[] = [];
  const keyOf = (keyId: string | undefined) => {
    const key = keys[keyId ?? ''];
    if (!key) throw Object.assign(new Error(`no key ${keyId}`), { name: 'NotFoundException' });
    return key;
  };
  const send = async (command: unknown) => {
    if (command instanceof GetPublicKeyCommand) {
      const { publicKey } = keyOf(command.input.KeyId);
      getPublicKeyCalls.push(command.input.KeyId!);
      return {
        PublicKey: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })),
        SigningAlgorithms: publicKey.asymmetricKeyType === 'rsa' ? ['RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PSS_SHA_256'] : ['ECDSA_SHA_256'],
      };
    }
    if (command instanceof SignCommand) {
      const { KeyId, Message, MessageType, SigningAlgorithm } = command.input;
      const key = keyOf(KeyId).privateKey;
      signCalls.push(KeyId!);
      assert.equal(MessageType, 'DIGEST');
      assert.equal(Message?.length, 32);
      const signature = key.asymmetricKeyType === 'rsa' ? signRsa(key, Message!, SigningAlgorithm) : signEcdsa(key, Message!, SigningAlgorithm, encoding);
      if (encoding === 'flipped') signature[signature.length - 1]! ^= 0x01;
      return { KeyId, Signature: signature, SigningAlgorithm };
    }
    throw new Error(`unexpected command ${(command as object).constructor.name}`);
  };
  return { client: { send } as unknown as Pick<KMSClient, 'send'>, getPublicKeyCalls, signCalls };
}

function signRsa(key: KeyObject, digest: Uint8Array, algorithm: string | undefined): Uint8Array {
  assert.equal(algorithm, 'RSASSA_PKCS1_V1_5_SHA_256');
  return new Uint8Array(privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([SHA256_DIGEST_INFO_PREFIX, digest])));
}

function signEcdsa(key: KeyObject, digest: Uint8Array, algorithm: string | undefined, encoding: SignatureEncoding): Uint8Array {
  assert.equal(algorithm, 'ECDSA_SHA_256');
  const secretKey = Buffer.from(key.export({ format: 'jwk' }).d!, 'base64url');
  return p256.sign(digest, secretKey, { prehash: false, format: encoding === 'ieee-p1363' ? 'compact' : 'der' });
}

function generated(algorithm: SigningAlgorithm): KeyPair {
  return algorithm === 'ECDSA_SHA_256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('rsa', { modulusLength: 2048 });
}

function memoryStore(): PmsCaStore {
  let stored: PmsCa | undefined;
  return {
    get: async () => stored,
    async putIfAbsent(ca) {
      if (stored) return false;
      stored = ca;
      return true;
    },
  };
}

function pem(der: Uint8Array): string {
  return new X509Certificate(der).toString();
}

/** `openssl verify -x509_strict -CAfile root -untrusted <intermediates> leaf`, at the current time. */
function opensslVerify(root: Uint8Array, untrusted: Uint8Array[], leaf: Uint8Array): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pms-ca-'));
  try {
    writeFileSync(join(dir, 'root.pem'), pem(root));
    writeFileSync(join(dir, 'untrusted.pem'), untrusted.map(pem).join(''));
    writeFileSync(join(dir, 'leaf.pem'), pem(leaf));
    const result = spawnSync(
      'openssl',
      ['verify', '-x509_strict', '-CAfile', join(dir, 'root.pem'), '-untrusted', join(dir, 'untrusted.pem'), join(dir, 'leaf.pem')],
      { encoding: 'utf8' },
    );
    return { ok: result.status === 0 && result.stdout.trim().endsWith(': OK'), output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function signatureAlgorithmOf(der: Uint8Array): { outer: string; inner: string } {
  const certificate = AsnConvert.parse(der, Certificate);
  return { outer: certificate.signatureAlgorithm.algorithm, inner: certificate.tbsCertificate.signature.algorithm };
}

function partnerKey(): { spki: Uint8Array; privateKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { spki: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })), privateKey };
}

async function selfSigned(signer: CertificateSigner): Promise<CertificateToIssue> {
  return {
    subject: [{ type: 'CN', value: 'PMS ROOT CA' }],
    subjectPublicKeyInfo: await signer.publicKey(),
    notBefore: NOW,
    notAfter: new Date(NOW.getTime() + 86_400_000),
    serialNumber: randomSerialNumber(),
    basicConstraints: { cA: true },
    keyUsage: ['keyCertSign'],
  };
}

const PARTNER_SUBJECT: SubjectAttribute[] = [
  { type: 'C', value: 'IN' },
  { type: 'O', value: 'Bank One' },
  { type: 'CN', value: 'bank-one-auth' },
];

for (const algorithm of ['RSASSA_PKCS1_V1_5_SHA_256', 'ECDSA_SHA_256'] as const) {
  test(`${algorithm}: the KMS-signed hierarchy and re-signed partner certificates verify with node:crypto and openssl`, async () => {
    const kms = fakeKms({ root: generated(algorithm), issuing: generated(algorithm) });
    const rootSigner = kmsSigner(kms.client, 'root', algorithm);
    const issuingSigner = kmsSigner(kms.client, 'issuing', algorithm);
    const ca = await ensurePmsCa({ store: memoryStore(), rootSigner, issuingSigner, clock: { now: () => NOW } });

    const root = new X509Certificate(ca.root);
    const issuing = new X509Certificate(ca.issuing);
    assert.equal(root.verify(root.publicKey), true);
    assert.equal(issuing.verify(root.publicKey), true);
    assert.equal(issuing.checkIssued(root), true);

    const partners = [];
    for (const partnerDomain of ['AUTH', 'DEVICE', 'AUTH']) {
      const partner = partnerKey();
      const request = resignedPartnerCertificate({
        subject: PARTNER_SUBJECT,
        subjectPublicKeyInfo: partner.spki,
        partnerDomain,
        issuerCertificate: ca.issuing,
        now: NOW,
      });
      const der = await issueCertificate(request, issuingSigner);
      assert.equal(new X509Certificate(der).verify(issuing.publicKey), true);
      assert.equal(new X509Certificate(der).verify(root.publicKey), false);
      const verified = opensslVerify(ca.root, [ca.issuing], der);
      assert.equal(verified.ok, true, verified.output);
      partners.push(der);
    }

    const expectedOid = algorithm === 'ECDSA_SHA_256' ? ECDSA_WITH_SHA256 : SHA256_WITH_RSA;
    for (const der of [ca.root, ca.issuing, ...partners]) assert.deepEqual(signatureAlgorithmOf(der), { outer: expectedOid, inner: expectedOid });
    // Five signatures (ROOT, ISSUING, three partners), one GetPublicKey per key.
    assert.deepEqual(kms.signCalls, ['root', 'root', 'issuing', 'issuing', 'issuing']);
    assert.deepEqual(kms.getPublicKeyCalls.sort(), ['issuing', 'root']);
  });
}

test('ECDSA: a signer that hands over IEEE P1363 r||s instead of DER makes issueCertificate throw', async () => {
  const kms = fakeKms({ root: generated('ECDSA_SHA_256') }, 'ieee-p1363');
  const signer = kmsSigner(kms.client, 'root', 'ECDSA_SHA_256');
  await assert.rejects(issueCertificate(await selfSigned(signer), signer), CertificateSignatureError);
  assert.deepEqual(kms.signCalls, ['root']);
});

test('RSA: a signature with one flipped bit makes issueCertificate throw', async () => {
  const kms = fakeKms({ root: generated('RSASSA_PKCS1_V1_5_SHA_256') }, 'flipped');
  const signer = kmsSigner(kms.client, 'root');
  await assert.rejects(issueCertificate(await selfSigned(signer), signer), CertificateSignatureError);
});

test('a partner cannot extend the chain: a certificate signed with the partner key under its re-signed certificate fails openssl verify', async () => {
  const kms = fakeKms({ root: generated('RSASSA_PKCS1_V1_5_SHA_256'), issuing: generated('RSASSA_PKCS1_V1_5_SHA_256') });
  const issuingSigner = kmsSigner(kms.client, 'issuing');
  const ca = await ensurePmsCa({ store: memoryStore(), rootSigner: kmsSigner(kms.client, 'root'), issuingSigner, clock: { now: () => NOW } });
  const partner = partnerKey();
  const resigned = await issueCertificate(
    resignedPartnerCertificate({
      subject: PARTNER_SUBJECT,
      subjectPublicKeyInfo: partner.spki,
      partnerDomain: 'AUTH',
      issuerCertificate: ca.issuing,
      now: NOW,
    }),
    issuingSigner,
  );
  const minted = await issueCertificate(
    {
      subject: [{ type: 'CN', value: 'minted by a partner' }],
      subjectPublicKeyInfo: partnerKey().spki,
      issuerCertificate: resigned,
      notBefore: NOW,
      notAfter: new Date(NOW.getTime() + 86_400_000),
      serialNumber: randomSerialNumber(),
      basicConstraints: { cA: false },
      keyUsage: ['digitalSignature'],
    },
    localKeySigner(partner.privateKey),
  );
  const verified = opensslVerify(ca.root, [ca.issuing, resigned], minted);
  assert.equal(verified.ok, false);
  assert.match(verified.output, /path length constraint exceeded/);
});

test('the KMS signer sends only 32-byte digests, and a key without the algorithm is refused', async () => {
  const kms = fakeKms({ rsa: generated('RSASSA_PKCS1_V1_5_SHA_256') });
  const signer = kmsSigner(kms.client, 'rsa');
  await assert.rejects(signer.signDigest(new Uint8Array(64)), /32-byte SHA-256 digest/);
  assert.deepEqual(kms.signCalls, []);
  const digest = createHash('sha256').update('tbs').digest();
  assert.equal((await signer.signDigest(digest)).length, 256);
  await assert.rejects(kmsSigner(kms.client, 'rsa', 'ECDSA_SHA_256').publicKey(), /does not sign with ECDSA_SHA_256/);
});

test('a failed GetPublicKey is retried on the next call, then cached', async () => {
  const kms = fakeKms({ rsa: generated('RSASSA_PKCS1_V1_5_SHA_256') });
  let failures = 1;
  const flaky = {
    send: (command: unknown) => {
      if (command instanceof GetPublicKeyCommand && failures-- > 0)
        return Promise.reject(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
      return kms.client.send(command as SignCommand);
    },
  } as unknown as Pick<KMSClient, 'send'>;
  const signer = kmsSigner(flaky, 'rsa');
  await assert.rejects(signer.publicKey(), { name: 'ThrottlingException' });
  const [first, second] = await Promise.all([signer.publicKey(), signer.publicKey()]);
  assert.deepEqual(first, second);
  assert.deepEqual(await signer.publicKey(), first);
  assert.deepEqual(kms.getPublicKeyCalls, ['rsa']);
});
