import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { apiKeyKeys, keys, mispLicenseKeys } from '../../functions/adapters/dynamodb/keys.js';
import { dynamoVerificationReader } from '../../functions/adapters/dynamodb/verification-reader.js';
import { credentialHash } from '../../functions/domain/credentials.js';
import { verifyPartnerKeys } from '../../functions/domain/verification/verify.js';
import { PmsError } from '../../functions/errors/pms-error.js';
import { listTableItems, recordingTable, startDynamoDb, type TestDynamoDb } from '../support/dynamodb.js';

const API_KEY = 'k'.repeat(43);
const LICENSE = 'L'.repeat(50);
const FROM = '2026-01-01T00:00:00.000Z';
const TO = '2126-01-01T00:00:00.000Z';
let db: TestDynamoDb;

async function put(item: Record<string, unknown>) {
  await db.table.client.send(new PutCommand({ TableName: db.table.tableName, Item: item }));
}

before(async () => {
  db = await startDynamoDb();
  const policy = { id: 'policy-1', name: 'KYC', desc: 'kyc', policies: { allowedAuthTypes: [] }, status: 'activated', validFromDate: FROM, validToDate: TO };
  await put({
    ...apiKeyKeys.apiKey(credentialHash(API_KEY)),
    entity: 'ApiKey',
    id: 'key-1',
    keyHash: credentialHash(API_KEY),
    partnerId: 'bank-1',
    policyId: 'policy-1',
    isActive: true,
    validFromDatetime: FROM,
    validToDatetime: TO,
    policy,
  });
  await put({ ...keys.partner('bank-1'), entity: 'Partner', id: 'bank-1', organizationName: 'Bank One', isActive: true });
  await put({
    ...mispLicenseKeys.license(credentialHash(LICENSE)),
    entity: 'MispLicense',
    id: 'lic-1',
    mispId: 'misp-1',
    isActive: true,
    validFromDatetime: FROM,
    validToDatetime: TO,
  });
});
after(() => db?.stop());

async function verifyRecorded(input: { partnerId: string; apiKey: string; mispLicenseKey: string }) {
  const sent: string[] = [];
  const deps = { reader: dynamoVerificationReader(recordingTable(db.table, sent)), clock: { now: () => new Date('2026-06-01T00:00:00.000Z') } };
  const before = JSON.stringify(await listTableItems(db.table));
  const outcome = await verifyPartnerKeys(deps, input).catch((error: unknown) => error);
  assert.equal(JSON.stringify(await listTableItems(db.table)), before, 'verification wrote nothing');
  return { sent, outcome };
}

test('an allowed verification is exactly one BatchGetItem and no write', async () => {
  const { sent, outcome } = await verifyRecorded({ partnerId: 'bank-1', apiKey: API_KEY, mispLicenseKey: LICENSE });
  assert.deepEqual(sent, ['BatchGetCommand']);
  assert.equal((outcome as { policyName: string }).policyName, 'KYC');
  assert.equal((outcome as { partnerName: string }).partnerName, 'Bank One');
});

test('denials are one BatchGetItem too (none for a malformed key), and write nothing', async () => {
  const cases: [Record<string, string>, string, string[]][] = [
    [{ partnerId: 'bank-2' }, 'PMS_PMP_017', ['BatchGetCommand']],
    [{ mispLicenseKey: 'M'.repeat(50) }, 'PMS_PMP_020', ['BatchGetCommand']],
    [{ mispLicenseKey: 'too short' }, 'PMS_PMP_020', ['BatchGetCommand']],
    [{ apiKey: 'not a key' }, 'PMS_PMP_017', []],
  ];
  for (const [overrides, code, expected] of cases) {
    const { sent, outcome } = await verifyRecorded({ partnerId: 'bank-1', apiKey: API_KEY, mispLicenseKey: LICENSE, ...overrides });
    assert.ok(outcome instanceof PmsError, JSON.stringify(outcome));
    assert.equal(outcome.errors[0]?.code, code);
    assert.deepEqual(sent, expected);
  }
});
