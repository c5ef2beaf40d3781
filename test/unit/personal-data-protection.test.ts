import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DecryptCommand, GenerateDataKeyCommand, type GenerateMacCommand, type KMSClient } from '@aws-sdk/client-kms';
import { envelopeProtector } from '../../functions/adapters/personal-data/envelope-protector.js';
import { kmsKeyService } from '../../functions/adapters/personal-data/kms-key-service.js';
import { loadOrCreateLocalMasterKeys, localKeyService, newLocalMasterKeys } from '../../functions/adapters/personal-data/local-key-service.js';
import { personalDataProtector } from '../../functions/adapters/personal-data/protector-from-env.js';
import { revealed, sealContactDetails } from '../../functions/domain/personal-data/personal-data.js';
import { enforcePersonalDataGrants, withTableGrant } from '../../local/table-grants.js';
import { countingKeyService } from '../support/personal-data.js';

test('a sealed field reads back, holds nothing of its text, and differs each time it is sealed', async () => {
  const protector = envelopeProtector(countingKeyService().keys);
  const text = 'ops@heidi-bank.example';
  const [first, second] = [await protector.seal(text), await protector.seal(text)];
  assert.equal(await protector.reveal(first), text);
  assert.notEqual(first.sealed, second.sealed);
  assert.ok(!first.sealed.includes(text) && !first.sealed.includes(Buffer.from(text).toString('base64url')));
  assert.equal(await protector.reveal(await protector.seal('')), '');
  assert.equal(await protector.reveal(await protector.seal('Añadir ☎ +254 700')), 'Añadir ☎ +254 700');
});

test('a changed, truncated or foreign sealed field is refused, never read as something else', async () => {
  const protector = envelopeProtector(countingKeyService().keys);
  const { sealed } = await protector.seal('1 Main Street');
  const [format, key, iv, body] = sealed.split('.') as [string, string, string, string];
  const flipped = Buffer.from(body, 'base64url');
  flipped[0]! ^= 1;
  for (const bad of [
    [format, key, iv, flipped.toString('base64url')].join('.'),
    [format, key, iv, body.slice(0, 10)].join('.'),
    [format, key, iv].join('.'),
    ['v0', key, iv, body].join('.'),
    '1 Main Street',
  ]) {
    await assert.rejects(protector.reveal({ sealed: bad }), `refused: ${bad.slice(0, 30)}`);
  }
  // Sealed under another master key (another deployment's data): the data key does not open.
  const other = envelopeProtector(countingKeyService().keys);
  await assert.rejects(other.reveal({ sealed }));
});

test('one data key seals for a while, and a container asks the key service once per data key it reads', async () => {
  let now = 0;
  const { keys, calls } = countingKeyService();
  const writer = envelopeProtector(keys, { now: () => now, dataKeyMaxAgeMs: 1000, dataKeyMaxUses: 3 });
  const fields = [];
  for (let i = 0; i < 5; i++) fields.push(await writer.seal(`field ${i}`));
  assert.equal(calls.generateDataKey, 2, 'a new data key after 3 uses');
  now = 1000;
  fields.push(await writer.seal('late'));
  assert.equal(calls.generateDataKey, 3, 'a new data key once the old one is a second old');
  assert.equal(await writer.reveal(fields[0]!), 'field 0');
  assert.equal(calls.decryptDataKey, 0, 'what a container sealed it reads without the key service');

  const reader = envelopeProtector(keys);
  const texts = await Promise.all([...fields, ...fields].map((field) => reader.reveal(field)));
  assert.deepEqual(texts.slice(0, 6), ['field 0', 'field 1', 'field 2', 'field 3', 'field 4', 'late']);
  assert.equal(calls.decryptDataKey, 3, 'one Decrypt per data key, however many fields and concurrent reads');
});

test('an e-mail lookup is the same for the same address in any case or spacing, different for another, and no address', async () => {
  const { keys, calls } = countingKeyService();
  const protector = envelopeProtector(keys);
  const lookup = await protector.emailLookup('Ops@Heidi-Bank.example');
  assert.equal(await protector.emailLookup('  ops@heidi-bank.EXAMPLE '), lookup);
  assert.notEqual(await protector.emailLookup('ops@heidi-bank.example.org'), lookup);
  assert.doesNotMatch(lookup, /heidi/i);
  assert.match(lookup, /^[A-Za-z0-9_-]{43}$/, 'an HMAC-SHA-256, base64url');
  assert.equal(calls.mac, 3);
  // Another key, another hash: the lookup cannot be recomputed without the MAC key.
  assert.notEqual(await envelopeProtector(countingKeyService().keys).emailLookup('ops@heidi-bank.example'), lookup);
});

test('a partner’s contact details seal and reveal together', async () => {
  const protector = envelopeProtector(countingKeyService().keys);
  const details = { emailId: 'a@b.example', contactNumber: '+254700000000', address: 'Nairobi' };
  const stored = { id: 'p-1', ...(await sealContactDetails(protector, details)) };
  assert.deepEqual(await revealed(protector, stored), { id: 'p-1', ...details });
});

test('KMS: data keys and their decryption carry the encryption context and pin the key; MACs are HMAC-SHA-256 on the MAC key', async () => {
  const local = localKeyService(newLocalMasterKeys());
  const sent: { name: string; input: Record<string, unknown> }[] = [];
  const client = {
    async send(command: GenerateDataKeyCommand | DecryptCommand | GenerateMacCommand) {
      sent.push({ name: command.constructor.name, input: command.input as unknown as Record<string, unknown> });
      if (command instanceof GenerateDataKeyCommand) {
        const made = await local.generateDataKey();
        return { Plaintext: made.plaintext, CiphertextBlob: made.encrypted };
      }
      if (command instanceof DecryptCommand) return { Plaintext: await local.decryptDataKey(command.input.CiphertextBlob!) };
      return { Mac: await local.mac(command.input.Message!) };
    },
  } as unknown as Pick<KMSClient, 'send'>;
  const writer = envelopeProtector(kmsKeyService(client, { data: 'data-key', mac: 'mac-key' }));
  const field = await writer.seal('secret');
  await writer.emailLookup('a@b.example');
  assert.equal(await envelopeProtector(kmsKeyService(client, { data: 'data-key' })).reveal(field), 'secret');
  const context = { purpose: 'pms-personal-data' };
  assert.deepEqual(
    sent.map(({ name, input }) => [name, input.KeyId, input.EncryptionContext ?? input.MacAlgorithm]),
    [
      ['GenerateDataKeyCommand', 'data-key', context],
      ['GenerateMacCommand', 'mac-key', 'HMAC_SHA_256'],
      ['DecryptCommand', 'data-key', context],
    ],
  );
  assert.equal(sent[0]!.input.KeySpec, 'AES_256');
  // A function given only the data key cannot make lookups, and one given only the MAC key cannot seal.
  await assert.rejects(envelopeProtector(kmsKeyService(client, { data: 'data-key' })).emailLookup('a@b.example'), /mac key/);
  await assert.rejects(envelopeProtector(kmsKeyService(client, { mac: 'mac-key' })).seal('x'), /data key/);
});

test('locally the key file is made once (mode 0600) and kept; without KMS ids or a data directory nothing is sealed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pms-pii-'));
  try {
    const first = await loadOrCreateLocalMasterKeys(dir);
    assert.equal(statSync(join(dir, 'personal-data-keys.json')).mode & 0o777, 0o600);
    assert.deepEqual(await loadOrCreateLocalMasterKeys(dir), first);
    const field = await personalDataProtector({ PMS_DATA_DIR: dir }).seal('kept');
    assert.equal(await personalDataProtector({ PMS_DATA_DIR: dir }).reveal(field), 'kept', 'another container reads it back');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await assert.rejects(personalDataProtector({}).seal('x'), /no personal-data key configured/);
});

test('locally an operation may use personal data only as its route row declares, as IAM would hold its function', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pms-pii-'));
  enforcePersonalDataGrants();
  try {
    const protector = personalDataProtector({ PMS_DATA_DIR: dir });
    const field = await protector.seal('outside any route: jobs and tests arranging data');
    const inRoute = (uses: ('seal' | 'reveal' | 'lookup')[], use: () => Promise<unknown>) =>
      withTableGrant('someOperation', 'read', use, uses).then(
        () => 'allowed',
        (error: Error) => `${error.name}: ${error.message}`,
      );
    assert.equal(await inRoute(['reveal'], () => protector.reveal(field)), 'allowed');
    assert.equal(
      await inRoute(['seal', 'lookup'], () => protector.reveal(field)),
      'AccessDeniedException: someOperation is not authorized to perform: kms:Decrypt (its route row declares no personal-data reveal)',
    );
    assert.match(await inRoute([], () => protector.seal('x')), /kms:GenerateDataKey/);
    assert.match(await inRoute(['seal', 'reveal'], () => protector.emailLookup('a@b.example')), /kms:GenerateMac/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
