import assert from 'node:assert/strict';
import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadOrCreateLocalSigner, localKeySigner } from '../../functions/adapters/signing/local-key-signer.js';

const root = mkdtempSync(join(tmpdir(), 'pms-keys-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('the key file is created once, PKCS#8 PEM with mode 0600, and reused by the next call', async () => {
  const dir = join(root, 'data', 'ca');
  const first = await loadOrCreateLocalSigner(dir, 'pms-root-ca');
  const file = join(dir, 'pms-root-ca.pem');
  assert.equal(statSync(file).mode & 0o777, 0o600);
  const pem = readFileSync(file, 'utf8');
  assert.match(pem, /^-----BEGIN PRIVATE KEY-----\n/);

  const second = await loadOrCreateLocalSigner(dir, 'pms-root-ca');
  assert.deepEqual(await second.publicKey(), await first.publicKey());
  assert.equal(readFileSync(file, 'utf8'), pem);
  assert.equal(
    createPublicKey(pem)
      .export({ type: 'spki', format: 'der' })
      .equals(await first.publicKey()),
    true,
  );
  assert.equal(createPublicKey(pem).asymmetricKeyDetails?.modulusLength, 2048);

  const other = await loadOrCreateLocalSigner(dir, 'pms-issuing-ca');
  assert.notDeepEqual(await other.publicKey(), await first.publicKey());
  assert.deepEqual(readdirSync(dir).sort(), ['pms-issuing-ca.pem', 'pms-root-ca.pem']);
});

test('concurrent first calls end with one key file and the same key', async () => {
  const dir = join(root, 'race');
  const signers = await Promise.all(Array.from({ length: 5 }, () => loadOrCreateLocalSigner(dir, 'pms-root-ca')));
  const keys = await Promise.all(signers.map((signer) => signer.publicKey()));
  for (const key of keys) assert.deepEqual(key, keys[0]);
  assert.deepEqual(readdirSync(dir), ['pms-root-ca.pem']);
});

test('signDigest is RSASSA-PKCS1-v1_5 over SHA-256: node:crypto verifies it against the message', async () => {
  const signer = await loadOrCreateLocalSigner(join(root, 'sign'), 'key');
  assert.equal(signer.algorithm, 'RSASSA_PKCS1_V1_5_SHA_256');
  const message = Buffer.from('the TBSCertificate');
  const signature = await signer.signDigest(createHash('sha256').update(message).digest());
  const publicKey = createPublicKey({ key: Buffer.from(await signer.publicKey()), format: 'der', type: 'spki' });
  assert.equal(verify('sha256', message, publicKey, signature), true);
  assert.equal(verify('sha256', Buffer.from('another message'), publicKey, signature), false);
  await assert.rejects(signer.signDigest(message), /32-byte SHA-256 digest/);
});

test('only RSA private keys and plain key names are accepted', async () => {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  assert.throws(() => localKeySigner(privateKey), /needs an RSA private key, not ec/);
  assert.throws(() => localKeySigner(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey), /needs an RSA private key/);
  await assert.rejects(loadOrCreateLocalSigner(root, '../escape'), /invalid signing key name/);
  assert.equal(readdirSync(root).includes('escape.pem'), false);
});
