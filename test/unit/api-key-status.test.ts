import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApiKey } from '../../functions/domain/api-keys/api-key.js';
import { changeApiKeyStatus } from '../../functions/domain/api-keys/commands.js';
import type { ApiKeyDeps } from '../../functions/domain/api-keys/ports.js';
import type { AuditEntry } from '../../functions/domain/audit.js';
import type { Caller } from '../../functions/domain/caller.js';
import { ConcurrentModificationError } from '../../functions/errors/pms-error.js';
import { apiKeyFixture, partnerFixture, policyFixture } from '../support/domain-objects.js';
import { refusalOf } from '../support/refusals.js';

/*
 * A key an admin switched off stays off until an admin switches it on (issue #13, finding 3): MOSIP lets the owner
 * switch it back on. The owner's own deactivation stays the owner's to undo.
 */

const NOW = new Date('2027-02-01T10:00:00.000Z');
const ADMIN: Caller = { userId: 'admin1', isAdmin: true };
const OWNER: Caller = { userId: 'bank-1', isAdmin: false };
const BANK = partnerFixture({ id: 'bank-1', userId: 'bank-1', partnerType: 'Auth_Partner' });
const POLICY = policyFixture({ id: 'policy-1' });

function key(overrides: Partial<ApiKey> = {}): ApiKey {
  return apiKeyFixture(BANK, POLICY, { id: 'key-1', ...overrides });
}

const unexpected = () => assert.fail('not used by a status change');

/** One key in memory with revision-conditioned saves, each recorded with its audit record. */
function world(stored: ApiKey) {
  let current = stored;
  const saves: { next: ApiKey; audit: AuditEntry }[] = [];
  let ids = 0;
  const deps: ApiKeyDeps = {
    apiKeys: {
      byLabel: async (partnerId, policyId, label) =>
        partnerId === current.partnerId && policyId === current.policyId && label === current.label ? current : undefined,
      async save(next, previous, audit) {
        if (previous.revision !== current.revision) throw new ConcurrentModificationError(next.id);
        current = { ...next, revision: previous.revision + 1 };
        saves.push({ next, audit });
      },
      create: unexpected,
      byId: unexpected,
      byHash: unexpected,
      keysOfPartner: unexpected,
      allKeys: unexpected,
    },
    listedKeys: { count: unexpected, window: unexpected, all: unexpected },
    partners: { getPartner: async (id) => (id === BANK.id ? BANK : undefined), partnersOfUser: unexpected },
    policies: { getPolicy: unexpected, getPolicyByName: unexpected },
    groups: { getGroup: unexpected },
    links: { openLink: unexpected },
    secrets: { newSecret: unexpected },
    validityDays: 30,
    activeKeysPerPolicyMax: 25,
    clock: { now: () => NOW },
    ids: { newId: () => `event-${++ids}` },
  };
  const change = (caller: Caller, status: string) => changeApiKeyStatus(deps, caller, BANK.id, POLICY.id, { label: 'Branch App', status });
  return { change, saves, current: () => current };
}

test("the owner cannot switch on a key an admin switched off: PMS_PMS_023, nothing written; the admin's activation lifts it", async () => {
  const { change, saves, current } = world(key());
  assert.equal(await change(ADMIN, 'De-Active'), 'Partner apikey de-activated successfully.');
  assert.deepEqual([current().isActive, current().revokedByAdmin], [false, true]);

  assert.deepEqual(await refusalOf(change(OWNER, 'Active')), {
    code: 'PMS_PMS_023',
    message: 'Given Partner api key was deactivated by an administrator. Only an administrator can activate it.',
  });
  assert.equal(saves.length, 1, 'the refusal wrote nothing');
  assert.equal(current().isActive, false);

  assert.equal(await change(ADMIN, 'active'), 'Partner apikey activated successfully.');
  assert.deepEqual([current().isActive, current().revokedByAdmin], [true, false]);
  assert.deepEqual(
    saves.map(({ audit }) => [audit.actor, audit.action]),
    [
      ['admin1', 'deactivateApiKey'],
      ['admin1', 'activateApiKey'],
    ],
  );
});

test("the owner's own deactivation stays reversible by the owner, as in MOSIP", async () => {
  const { change, current } = world(key());
  await change(OWNER, 'De-Active');
  assert.deepEqual([current().isActive, current().revokedByAdmin], [false, false]);
  assert.equal(await change(OWNER, 'Active'), 'Partner apikey activated successfully.');
  assert.equal(current().isActive, true);
});

test("the owner switching off a key an admin revoked keeps the revocation (a stale 'off' cannot launder it)", async () => {
  const { change, current } = world(key({ isActive: false, revokedByAdmin: true, revision: 3 }));
  assert.equal((await refusalOf(change(OWNER, 'De-Active'))).code, 'PMS_PMS_022');
  assert.equal((await refusalOf(change(OWNER, 'Active'))).code, 'PMS_PMS_023');
  assert.deepEqual([current().isActive, current().revokedByAdmin, current().revision], [false, true, 3]);
});

test("an admin's De-Active on a key its owner switched off records the revocation (MOSIP: PMS_PMS_022), so the owner cannot switch it on", async () => {
  const { change, current } = world(key({ isActive: false, updBy: 'bank-1' }));
  assert.equal(await change(ADMIN, 'De-Active'), 'Partner apikey de-activated successfully.');
  assert.deepEqual([current().isActive, current().revokedByAdmin, current().updBy], [false, true, 'admin1']);
  assert.equal((await refusalOf(change(OWNER, 'Active'))).code, 'PMS_PMS_023');
  // Once revoked, a second De-Active is MOSIP's PMS_PMS_022 again, for the admin too.
  assert.equal((await refusalOf(change(ADMIN, 'De-Active'))).code, 'PMS_PMS_022');
});

test('a key stored before revocations were recorded (no attribute) is not revoked', async () => {
  const { change, current } = world(key({ isActive: false }));
  assert.equal(current().revokedByAdmin, undefined);
  assert.equal(await change(OWNER, 'Active'), 'Partner apikey activated successfully.');
});
