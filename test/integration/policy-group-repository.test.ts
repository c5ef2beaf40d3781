import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { dynamoPolicyGroupRepository } from '../../functions/adapters/dynamodb/policy-group-repository.js';
import { dynamoPolicyRepository } from '../../functions/adapters/dynamodb/policy-repository.js';
import { uuidIds } from '../../functions/adapters/ids.js';
import { createPolicy, publishPolicy } from '../../functions/domain/policies/commands.js';
import type { PolicyDeps } from '../../functions/domain/policies/ports.js';
import { createPolicyGroup, deactivatePolicyGroup, updatePolicyGroup } from '../../functions/domain/policy-groups/commands.js';
import type { PolicyGroupDeps } from '../../functions/domain/policy-groups/ports.js';
import { getActivePolicyGroups, getAllPolicyGroups, getPolicyGroup, searchPolicyGroups } from '../../functions/domain/policy-groups/queries.js';
import { systemClock } from '../../functions/domain/ports.js';
import type { PmsError } from '../../functions/errors/pms-error.js';
import { listTableItems, recordingTable, startDynamoDb, type TestDynamoDb } from '../support/dynamodb.js';
import { refusal } from '../support/refusals.js';

let db: TestDynamoDb;
let deps: PolicyGroupDeps;
const sentCommands: string[] = [];

before(async () => {
  db = await startDynamoDb();
  // Record every command the repositories send, to prove no request path scans.
  const table = recordingTable(db.table, sentCommands);
  deps = { groups: dynamoPolicyGroupRepository(table), clock: systemClock, ids: uuidIds };
});
after(() => db?.stop());
beforeEach(() => {
  sentCommands.length = 0;
});

const audits = async (objectId: string) => (await listTableItems(db.table)).filter((item) => item.pk === `AUDIT#PolicyGroup#${objectId}`);

const AUTH_POLICY = {
  authTokenType: 'policy',
  allowedAuthTypes: [{ authType: 'otp', mandatory: true }],
  allowedKycAttributes: [{ attributeName: 'fullName' }],
};

function policyDeps(): PolicyDeps {
  return { policies: dynamoPolicyRepository(db.table), groups: deps.groups, apiKeys: { hasActiveApiKey: async () => false }, clock: systemClock, ids: uuidIds };
}

function draft(groupName: string, name: string) {
  return createPolicy(policyDeps(), 'manager', {
    policyGroupName: groupName,
    policyType: 'Auth',
    name,
    desc: 'a policy',
    version: '1.0',
    policies: AUTH_POLICY,
  });
}

test('names are unique after normalisation, and a refused create writes nothing', async () => {
  const created = await createPolicyGroup(deps, 'admin', { name: 'Banks', desc: 'banks' });
  assert.equal(created.is_Active, true);
  const before = await listTableItems(db.table);
  assert.equal(await refusal(createPolicyGroup(deps, 'admin', { name: '  BANKS ', desc: 'again' })), 'PMS_POL_014');
  assert.deepEqual(await listTableItems(db.table), before);
  assert.equal((await audits(created.id)).length, 1);
});

test('renaming moves the name guard; a taken name is refused', async () => {
  const a = await createPolicyGroup(deps, 'admin', { name: 'Telcos', desc: 'telcos' });
  await createPolicyGroup(deps, 'admin', { name: 'Printers', desc: 'printers' });
  assert.equal(await refusal(updatePolicyGroup(deps, 'admin', a.id, { name: 'printers', desc: 'x' })), 'PMS_POL_014');
  assert.equal(await refusal(updatePolicyGroup(deps, 'editor', a.id, { name: 'Mobile operators', desc: 'telcos' })), 'PMS_COR_003', 'MOSIP needs isActive');
  const renamed = await updatePolicyGroup(deps, 'editor', a.id, { name: 'Mobile operators', desc: 'telcos', isActive: true });
  assert.deepEqual([renamed.name, renamed.up_by, renamed.is_Active], ['Mobile operators', 'editor', true]);
  await createPolicyGroup(deps, 'admin', { name: 'Telcos', desc: 'the old name is free again' });
  assert.equal(await refusal(updatePolicyGroup(deps, 'admin', 'no-such-group', { name: 'x', desc: 'y' })), 'PMS_POL_008');
  assert.equal((await audits(a.id)).length, 2);
});

test('deactivation follows the policies of the group, with MOSIP codes in MOSIP order', async () => {
  const group = await createPolicyGroup(deps, 'admin', { name: 'Credential partners', desc: 'print' });
  const first = await draft('Credential partners', 'Card printing');
  assert.equal(await refusal(deactivatePolicyGroup(deps, 'admin', group.id, 'De-Activate')), 'PMS_POL_070');
  await publishPolicy(policyDeps(), 'manager', first.id, group.id);
  assert.equal(await refusal(deactivatePolicyGroup(deps, 'admin', group.id, 'De-Activate')), 'PMS_POL_056');
  await draft('Credential partners', 'Card printing v2');
  const before = await listTableItems(db.table);
  assert.equal(await refusal(deactivatePolicyGroup(deps, 'admin', group.id, 'De-Activate')), 'PMS_POL_069');
  assert.equal(await refusal(updatePolicyGroup(deps, 'admin', group.id, { name: 'Credential partners', desc: 'print', isActive: false })), 'PMS_POL_056');
  assert.deepEqual(await listTableItems(db.table), before, 'refusals write nothing');

  const shown = await getPolicyGroup(deps.groups, group.id);
  assert.deepEqual(shown.policies.map((p) => [p.policyName, p.status]).sort(), [
    ['Card printing v2', 'DRAFTED'],
    ['Card printing', 'PUBLISHED'],
  ]);
  assert.equal(await refusal(deactivatePolicyGroup(deps, 'admin', group.id, 'deactivate')), 'PMS_POL_073');
  assert.equal(await refusal(deactivatePolicyGroup(deps, 'admin', 'no-such-group', 'De-Activate')), 'PMS_POL_068');
});

test('a deactivated group leaves the active list, refuses new drafts and a second deactivation', async () => {
  const group = await createPolicyGroup(deps, 'admin', { name: 'Short-lived', desc: 'x' });
  assert.ok((await getActivePolicyGroups(deps.groups)).some((g) => g.id === group.id));
  assert.deepEqual(await deactivatePolicyGroup(deps, 'admin', group.id, 'De-Activate'), { policyGroupId: group.id, isActive: false });
  assert.ok(!(await getActivePolicyGroups(deps.groups)).some((g) => g.id === group.id));
  assert.equal(await refusal(deactivatePolicyGroup(deps, 'admin', group.id, 'De-Activate')), 'PMS_POL_067');
  assert.equal(await refusal(draft('Short-lived', 'Too late')), 'PMS_POL_053');
  assert.equal((await getPolicyGroup(deps.groups, group.id)).policies.length, 0);
});

test('two admins deactivating at once: one outcome, one audit record', async () => {
  const group = await createPolicyGroup(deps, 'admin', { name: 'Contended', desc: 'x' });
  const outcomes = await Promise.allSettled([
    deactivatePolicyGroup(deps, 'admin1', group.id, 'De-Activate'),
    deactivatePolicyGroup(deps, 'admin2', group.id, 'De-Activate'),
    deactivatePolicyGroup(deps, 'admin3', group.id, 'De-Activate'),
  ]);
  assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
  for (const o of outcomes) if (o.status === 'rejected') assert.equal((o.reason as PmsError).code, 'PMS_POL_067');
  assert.equal((await audits(group.id)).filter((a) => a.action === 'deactivatePolicyGroup').length, 1);
});

test('a draft racing a deactivation: never a draft inside an inactive group', async () => {
  for (let round = 0; round < 5; round++) {
    const group = await createPolicyGroup(deps, 'admin', { name: `Race ${round}`, desc: 'x' });
    await Promise.allSettled([deactivatePolicyGroup(deps, 'admin', group.id, 'De-Activate'), draft(`Race ${round}`, 'Racer')]);
    const stored = await deps.groups.getGroup(group.id);
    const drafts = (await getPolicyGroup(deps.groups, group.id)).policies.length;
    assert.ok(stored!.isActive ? drafts === 1 && stored!.draftPolicyCount === 1 : drafts === 0, `round ${round}`);
  }
});

test('lists are served by Query, never Scan', async () => {
  await getAllPolicyGroups(deps.groups);
  await getActivePolicyGroups(deps.groups);
  await searchPolicyGroups(deps.groups, { filters: [], sort: [{ sortField: 'name', sortType: 'asc' }], pagination: { pageStart: 0, pageFetch: 5 } });
  assert.ok(sentCommands.includes('QueryCommand'));
  assert.deepEqual(
    sentCommands.filter((name) => name !== 'QueryCommand' && name !== 'GetCommand'),
    [],
  );
});
