import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { apiKeyDeps, apiKeysPerPolicyMaxFromEnv } from '../../functions/adapters/wiring.js';
import type { ApiKey } from '../../functions/domain/api-keys/api-key.js';
import { changeApiKeyStatus, generateApiKey, repointApiKey } from '../../functions/domain/api-keys/commands.js';
import { ActiveKeyLimitError, type ApiKeyDeps } from '../../functions/domain/api-keys/ports.js';
import type { Caller } from '../../functions/domain/caller.js';
import { apiKeyFixture, partnerFixture, policyFixture } from '../support/domain-objects.js';
import { refusalOf } from '../support/refusals.js';

/*
 * The cap on a partner's active keys per policy (issue #13, finding 9): the setting, and how the domain passes the
 * cap to every write that switches a key on and answers the repository's refusal. The repository's counting and
 * its race are tested against DynamoDB Local (test/integration/api-key-repository.test.ts).
 */

const ENV = 'API_KEYS_PER_POLICY_MAX';
const saved = { cap: process.env[ENV], table: process.env.TABLE_NAME };
afterEach(() => {
  for (const [name, value] of [
    [ENV, saved.cap],
    ['TABLE_NAME', saved.table],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

test('API_KEYS_PER_POLICY_MAX: 25 when unset or empty, a whole number from 1 to 10 000 otherwise', () => {
  assert.equal(apiKeysPerPolicyMaxFromEnv({}), 25);
  assert.equal(apiKeysPerPolicyMaxFromEnv({ [ENV]: '' }), 25);
  assert.equal(apiKeysPerPolicyMaxFromEnv({ [ENV]: '1' }), 1);
  assert.equal(apiKeysPerPolicyMaxFromEnv({ [ENV]: '10000' }), 10_000);
  for (const text of ['0', '-3', '2.5', '10001', 'many', ' ']) {
    assert.throws(
      () => apiKeysPerPolicyMaxFromEnv({ [ENV]: text }),
      new RegExp(`^Error: ${ENV} must be a whole number of API keys from 1 to 10000, not ${text}$`),
      text,
    );
  }
});

test('a bad API_KEYS_PER_POLICY_MAX stops the wiring of the key functions, naming the variable', () => {
  process.env.TABLE_NAME = 'pms-unit';
  process.env[ENV] = 'unlimited';
  assert.throws(() => apiKeyDeps(), /^Error: API_KEYS_PER_POLICY_MAX must be a whole number/);
  process.env[ENV] = '40';
  assert.equal(apiKeyDeps().activeKeysPerPolicyMax, 40);
});

const NOW = new Date('2027-02-01T10:00:00.000Z');
const BANK = partnerFixture({ id: 'bank-1', userId: 'bank-1', partnerType: 'Auth_Partner' });
const OWNER: Caller = { userId: BANK.userId, isAdmin: false };
const ADMIN: Caller = { userId: 'admin1', isAdmin: true };
const POLICY = policyFixture({ id: 'policy-1', name: 'KYC', policyGroupId: BANK.policyGroupId! });
const OTHER_POLICY = policyFixture({ id: 'policy-2', name: 'eKYC', policyGroupId: BANK.policyGroupId! });

function storedKey(overrides: Partial<ApiKey> = {}): ApiKey {
  return apiKeyFixture(BANK, POLICY, { isActive: false, ...overrides });
}

/** A repository that refuses, as the real one does at the cap, every write switching a key on; it records the cap it was given. */
function atCap(key: ApiKey) {
  const capsGiven: (number | undefined)[] = [];
  const refuse = async (next: ApiKey, max?: number) => {
    capsGiven.push(max);
    throw new ActiveKeyLimitError(next.partnerId, next.policyId, max ?? 0);
  };
  const deps: ApiKeyDeps = {
    apiKeys: {
      create: (next, _audit, _events, max) => refuse(next, max),
      save: (next, _previous, _audit, _events, max) => refuse(next, max),
      byId: async () => key,
      byHash: async () => key,
      byLabel: async (partnerId, policyId, label) => (partnerId === key.partnerId && policyId === key.policyId && label === key.label ? key : undefined),
      keysOfPartner: async () => [key],
      allKeys: async () => [key],
    },
    listedKeys: { count: async () => 1, window: async () => [key], all: async () => [key] },
    partners: { getPartner: async (id) => (id === BANK.id ? BANK : undefined), partnersOfUser: async () => [BANK] },
    policies: {
      getPolicy: async (id) => [POLICY, OTHER_POLICY].find((policy) => policy.id === id),
      getPolicyByName: async (_group, name) => [POLICY, OTHER_POLICY].find((policy) => policy.name === name),
    },
    groups: { getGroup: async () => ({ isActive: true }) as never },
    links: { openLink: async (partnerId, policyId) => ({ mappingKey: `${partnerId}#${policyId}`, status: 'approved' }) },
    secrets: { newSecret: () => 's'.repeat(43) },
    validityDays: 30,
    activeKeysPerPolicyMax: 7,
    clock: { now: () => NOW },
    ids: { newId: () => '7d9c1b0e-0000-4000-8000-0000000000ff' },
  };
  return { deps, capsGiven };
}

const LIMIT = { code: 'PMS_PMS_024', message: 'Maximum number of active API keys for this policy is reached. Deactivate an API key of this policy first.' };

test('generation, activation and re-pointing past the cap are refused with PMS_PMS_024; each write got the configured cap', async () => {
  const { deps, capsGiven } = atCap(storedKey());
  assert.deepEqual(await refusalOf(generateApiKey(deps, OWNER, BANK.id, { policyName: POLICY.name, label: 'Another App' })), LIMIT);
  assert.deepEqual(await refusalOf(changeApiKeyStatus(deps, OWNER, BANK.id, POLICY.id, { label: 'Branch App', status: 'Active' })), LIMIT);
  const active = atCap(storedKey({ isActive: true }));
  assert.deepEqual(
    await refusalOf(repointApiKey(active.deps, ADMIN, BANK.id, storedKey().id, { oldPolicyID: POLICY.id, newPolicyID: OTHER_POLICY.id })),
    LIMIT,
  );
  assert.deepEqual([...capsGiven, ...active.capsGiven], [7, 7, 7]);
});
