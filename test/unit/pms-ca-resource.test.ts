import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import type { CdkCustomResourceEvent } from 'aws-lambda';
import { localKeySigner } from '../../functions/adapters/signing/local-key-signer.js';
import { onPmsCaResourceEvent, PMS_CA_RESOURCE_ID } from '../../functions/ca-bootstrap/pms-ca-resource.js';
import { type PmsCa, type PmsCaDeps, PmsCaKeyMismatchError, type PmsCaStore } from '../../functions/domain/certificates/pms-ca.js';

const NOW = new Date('2026-05-04T10:00:00.000Z');
const rsaSigner = () => localKeySigner(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
const sha256Hex = (der: Uint8Array) => createHash('sha256').update(der).digest('hex');

function memoryStore() {
  let stored: PmsCa | undefined;
  let puts = 0;
  const store: PmsCaStore = {
    get: async () => stored,
    async putIfAbsent(ca) {
      puts += 1;
      if (stored) return false;
      stored = ca;
      return true;
    },
  };
  return { store, stored: () => stored, puts: () => puts };
}

function event(RequestType: 'Create' | 'Update' | 'Delete', PhysicalResourceId?: string): CdkCustomResourceEvent {
  return {
    RequestType,
    ...(PhysicalResourceId && { PhysicalResourceId }),
    ResourceType: 'Custom::PmsCa',
    LogicalResourceId: 'PmsCa',
  } as CdkCustomResourceEvent;
}

const memory = memoryStore();
const deps: PmsCaDeps = { store: memory.store, rootSigner: rsaSigner(), issuingSigner: rsaSigner(), clock: { now: () => NOW } };

test('Create makes the hierarchy and reports both certificate thumbprints under the one fixed id', async () => {
  const response = await onPmsCaResourceEvent(event('Create'), async () => deps);
  const stored = memory.stored();
  assert.ok(stored);
  assert.deepEqual(response, {
    PhysicalResourceId: PMS_CA_RESOURCE_ID,
    Data: { RootCertificateSha256: sha256Hex(stored.root), IssuingCertificateSha256: sha256Hex(stored.issuing) },
  });
  assert.match(response.Data!.RootCertificateSha256, /^[0-9a-f]{64}$/);
  assert.notEqual(response.Data!.RootCertificateSha256, response.Data!.IssuingCertificateSha256);
});

test('Update keeps the stored hierarchy: same id and thumbprints, nothing written', async () => {
  const created = memory.stored();
  const putsBefore = memory.puts();
  const response = await onPmsCaResourceEvent(event('Update', PMS_CA_RESOURCE_ID), async () => deps);
  assert.equal(memory.stored(), created);
  assert.equal(memory.puts(), putsBefore);
  assert.deepEqual(response.Data, { RootCertificateSha256: sha256Hex(created!.root), IssuingCertificateSha256: sha256Hex(created!.issuing) });
  assert.equal(response.PhysicalResourceId, PMS_CA_RESOURCE_ID);
});

test('Update with a replaced issuing key fails the deploy instead of reporting the old certificates', async () => {
  await assert.rejects(
    onPmsCaResourceEvent(event('Update', PMS_CA_RESOURCE_ID), async () => ({ ...deps, issuingSigner: rsaSigner() })),
    (error) => error instanceof PmsCaKeyMismatchError && error.role === 'ISSUING',
  );
});

test('Delete touches nothing and answers with the id it was given (also after a failed Create)', async () => {
  const untouchable = async (): Promise<PmsCaDeps> => assert.fail('Delete must not build signers or reach the table');
  assert.deepEqual(await onPmsCaResourceEvent(event('Delete', PMS_CA_RESOURCE_ID), untouchable), { PhysicalResourceId: PMS_CA_RESOURCE_ID });
  assert.deepEqual(await onPmsCaResourceEvent(event('Delete', 'request-id-of-a-failed-create'), untouchable), {
    PhysicalResourceId: 'request-id-of-a-failed-create',
  });
});
