import assert from 'node:assert/strict';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { GetPublicKeyCommand, type KMSClient, type SignCommand } from '@aws-sdk/client-kms';
import { PMS_CA_SIGNING_ALGORITHM } from '../../functions/adapters/signing/ca-keys.js';
import { pmsSigners } from '../../functions/adapters/signing/signers-from-env.js';

const KEY_IDS = { root: 'arn:aws:kms:eu-west-1:111122223333:key/root', issuing: 'arn:aws:kms:eu-west-1:111122223333:key/issuing' };
const DIGEST = createHash('sha256').update('tbsCertificate').digest();

const scratch = mkdtempSync(join(tmpdir(), 'pms-signers-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const freshDataDir = (name: string) => join(scratch, name);

/** KMS as the signer uses it: each key answers with its own public key and signature bytes; every request is kept. */
function fakeKms() {
  const requests: { command: string; keyId: string | undefined; algorithm?: string; messageType?: string }[] = [];
  const created: Pick<KMSClient, 'send'>[] = [];
  const client = {
    async send(command: GetPublicKeyCommand | SignCommand) {
      const keyId = command.input.KeyId;
      if (command instanceof GetPublicKeyCommand) {
        requests.push({ command: 'GetPublicKey', keyId });
        return { PublicKey: Buffer.from(`spki of ${keyId}`), SigningAlgorithms: [PMS_CA_SIGNING_ALGORITHM] };
      }
      requests.push({ command: 'Sign', keyId, algorithm: command.input.SigningAlgorithm, messageType: command.input.MessageType });
      return { Signature: Buffer.from(`signature by ${keyId}`) };
    },
  } as unknown as Pick<KMSClient, 'send'>;
  const source = () => {
    created.push(client);
    return client;
  };
  return { source, requests, created };
}

test('with both KMS key ids, each signer signs SHA-256 digests with its own KMS key', async () => {
  const kms = fakeKms();
  const signers = pmsSigners({ PMS_ROOT_CA_KEY_ID: KEY_IDS.root, PMS_ISSUING_CA_KEY_ID: KEY_IDS.issuing }, kms.source);
  assert.equal(kms.created.length, 0, 'no KMS client before a signer is needed');

  const root = await signers.root();
  const issuing = await signers.issuing();
  assert.equal(Buffer.from(await root.publicKey()).toString(), `spki of ${KEY_IDS.root}`);
  assert.equal(Buffer.from(await issuing.signDigest(DIGEST)).toString(), `signature by ${KEY_IDS.issuing}`);
  assert.equal(issuing.algorithm, PMS_CA_SIGNING_ALGORITHM);
  assert.deepEqual(
    kms.requests.filter((request) => request.command === 'Sign'),
    [{ command: 'Sign', keyId: KEY_IDS.issuing, algorithm: PMS_CA_SIGNING_ALGORITHM, messageType: 'DIGEST' }],
  );

  assert.equal(await signers.issuing(), issuing, 'a signer is built once and kept');
  assert.equal(kms.created.length, 2);
});

test('a function given only the issuing key id cannot sign with a root key, not even a local one', async () => {
  const kms = fakeKms();
  const dataDir = freshDataDir('issuing-only');
  const signers = pmsSigners({ PMS_ISSUING_CA_KEY_ID: KEY_IDS.issuing, PMS_DATA_DIR: dataDir }, kms.source);

  await assert.rejects(signers.root(), /may not sign with the PMS root CA key: PMS_ROOT_CA_KEY_ID is not set/);
  assert.equal(kms.requests.length, 0);
  assert.equal(existsSync(join(dataDir, 'signing')), false, 'no local key file was made');

  await (await signers.issuing()).signDigest(DIGEST);
  assert.deepEqual(
    kms.requests.map((request) => request.keyId),
    [KEY_IDS.issuing],
  );
  await assert.rejects(signers.root(), /PMS_ROOT_CA_KEY_ID is not set/, 'still refused on the next call');
});

test('without KMS key ids, PMS_DATA_DIR selects the local key files signing/root.pem and signing/issuing.pem', async () => {
  const dataDir = freshDataDir('local');
  const kms = fakeKms();
  const signers = pmsSigners({ PMS_DATA_DIR: dataDir, PMS_ROOT_CA_KEY_ID: '' }, kms.source);
  const root = await signers.root();
  const issuing = await signers.issuing();

  for (const [name, signer] of [
    ['root', root],
    ['issuing', issuing],
  ] as const) {
    const pem = readFileSync(join(dataDir, 'signing', `${name}.pem`), 'utf8');
    assert.deepEqual(await signer.publicKey(), new Uint8Array(createPublicKey(pem).export({ type: 'spki', format: 'der' })), name);
    const signature = await signer.signDigest(DIGEST);
    assert.ok(verify('sha256', Buffer.from('tbsCertificate'), createPublicKey(pem), signature), name);
  }
  assert.notDeepEqual(await root.publicKey(), await issuing.publicKey());
  assert.equal(kms.created.length, 0);

  const again = pmsSigners({ PMS_DATA_DIR: dataDir });
  assert.deepEqual(await (await again.issuing()).publicKey(), await issuing.publicKey(), 'the next start finds the same keys');
});

test('with neither KMS key ids nor a data directory, both signers fail with a clear error', async () => {
  const kms = fakeKms();
  const signers = pmsSigners({ PMS_ROOT_CA_KEY_ID: '', PMS_ISSUING_CA_KEY_ID: '', PMS_DATA_DIR: '' }, kms.source);
  await assert.rejects(signers.issuing(), /no PMS CA signing key configured: set PMS_ISSUING_CA_KEY_ID .* or PMS_DATA_DIR/);
  await assert.rejects(signers.root(), /no PMS CA signing key configured/);
  assert.equal(kms.created.length, 0);
});
