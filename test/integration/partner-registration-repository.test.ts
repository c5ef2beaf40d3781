import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { dynamoPartnerRepository } from '../../functions/adapters/dynamodb/partner-repository.js';
import { auditEntry } from '../../functions/domain/audit.js';
import type { Partner } from '../../functions/domain/partners/partner.js';
import type { PartnerRepository } from '../../functions/domain/partners/ports.js';
import { UniqueConstraintError } from '../../functions/errors/pms-error.js';
import { listTableItems, startDynamoDb, type TestDynamoDb } from '../support/dynamodb.js';
import { emailLookupOf, sealed } from '../support/personal-data.js';

let db: TestDynamoDb;
let partners: PartnerRepository;

before(async () => {
  db = await startDynamoDb();
  partners = dynamoPartnerRepository(db.table);
});
after(() => db?.stop());

function partner(id: string, email = `${id}@example.org`): Partner {
  return {
    id,
    userId: id,
    partnerType: 'Device_Provider',
    policyGroupId: null,
    organizationName: 'Same Org',
    address: sealed('1 Main Street'),
    contactNumber: sealed('+254700000000'),
    emailId: sealed(email),
    emailLookup: emailLookupOf(email),
    langCode: 'eng',
    logoUrl: null,
    additionalInfo: null,
    approvalStatus: 'InProgress',
    isActive: false,
    certificateAlias: null,
    crBy: id,
    crDtimes: new Date().toISOString(),
    updBy: null,
    updDtimes: null,
    revision: 0,
  };
}

const register = (p: Partner) => partners.register(p, auditEntry(p.crBy, 'registerPartner', 'Partner', p.id, new Date()));

async function constraintOf(action: Promise<unknown>): Promise<string> {
  try {
    await action;
  } catch (error) {
    assert.ok(error instanceof UniqueConstraintError, String(error));
    return error.constraint;
  }
  return assert.fail('the registration was stored');
}

test('registration writes settle races in MOSIP order: a taken e-mail before a taken id; organisation names may repeat', async () => {
  await register(partner('first'));
  await register(partner('second'));
  assert.deepEqual((await partners.getPartner('second'))?.organizationName, 'Same Org');

  const before = (await listTableItems(db.table)).length;
  assert.equal(await constraintOf(register(partner('first', 'SECOND@example.org'))), 'emailId');
  assert.equal(await constraintOf(register(partner('first', 'new@example.org'))), 'partnerId');
  assert.equal(await constraintOf(register(partner('third', ' First@Example.org '))), 'emailId');
  assert.equal((await listTableItems(db.table)).length, before, 'a refused registration writes nothing');
});
