import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ApiKey } from '../../functions/domain/api-keys/api-key.js';
import { switchOffApiKey } from '../../functions/domain/api-keys/switch-off.js';
import type { AuditEntry } from '../../functions/domain/audit.js';
import type { EventModel } from '../../functions/domain/events/event-model.js';
import type { MispLicense } from '../../functions/domain/misp-licenses/misp-license.js';
import { deactivateKeysOfPartner } from '../../functions/domain/partner-deactivation/api-keys.js';
import type { KeyCascadeDeps } from '../../functions/domain/partner-deactivation/ports.js';
import { MAX_LICENSES_RETIRED_WITH_PARTNER, retireLicenses } from '../../functions/domain/partner-deactivation/retired-licenses.js';
import { ConcurrentModificationError } from '../../functions/errors/pms-error.js';

const NOW = new Date('2026-03-10T09:00:00.000Z');

function license(id: string, isActive: boolean): MispLicense {
  return {
    id,
    keyHash: `hash-${id}`,
    hint: 'abcd',
    mispId: 'misp-1',
    policyId: null,
    isActive,
    validFromDatetime: '2026-01-01T00:00:00.000Z',
    validToDatetime: '2030-01-01T00:00:00.000Z',
    crBy: 'misp-1',
    crDtimes: '2026-01-01T00:00:00.000Z',
    updBy: null,
    updDtimes: null,
    revision: 2,
  };
}

test('only the licenses still on are switched off, each with its own audit record; the newest is the one to publish', () => {
  const { retirements, latest } = retireLicenses([license('new', true), license('old', false)], 'new', 'admin1', NOW);
  assert.deepEqual(
    retirements.map(({ previous, next, audit }) => [
      previous.isActive,
      next.id,
      next.isActive,
      next.updBy,
      next.updDtimes,
      next.revision,
      audit.action,
      audit.objectType,
      audit.objectId,
      audit.details,
    ]),
    [[true, 'new', false, 'admin1', NOW.toISOString(), 2, 'deactivateMispLicense', 'MispLicense', 'new', { mispId: 'misp-1', cause: 'partnerDeactivated' }]],
  );
  assert.equal(latest?.id, 'new');
  assert.equal(latest?.isActive, false);
});

test('an older license left on is switched off but not published; a switched-off newest is not published again', () => {
  const older = retireLicenses([license('new', false), license('old', true)], 'new', 'admin1', NOW);
  assert.deepEqual(
    older.retirements.map(({ next }) => next.id),
    ['old'],
  );
  assert.equal(older.latest, undefined);
  assert.deepEqual(retireLicenses([license('new', false)], 'new', 'admin1', NOW), { retirements: [], latest: undefined });
  assert.deepEqual(retireLicenses([], null, 'admin1', NOW), { retirements: [], latest: undefined }, 'a partner that never had a license');
});

test('a newest license the index does not list yet is a conflict, so the licenses are read again', () => {
  assert.throws(() => retireLicenses([license('old', true)], 'new', 'admin1', NOW), ConcurrentModificationError);
});

test('more licenses on than one transaction holds are refused rather than half switched off', () => {
  const many = Array.from({ length: MAX_LICENSES_RETIRED_WITH_PARTNER + 1 }, (_, index) => license(`l${index}`, true));
  assert.throws(() => retireLicenses(many, 'l0', 'admin1', NOW), /exceed one transaction/);
  assert.equal(retireLicenses(many.slice(1), 'l1', 'admin1', NOW).retirements.length, MAX_LICENSES_RETIRED_WITH_PARTNER);
  // Partner put, audit, PARTNER_UPDATED, MISP_LICENSE_UPDATED, head check, then two items per license.
  assert.ok(5 + 2 * MAX_LICENSES_RETIRED_WITH_PARTNER <= 100);
});

function apiKey(id: string, isActive: boolean): ApiKey {
  const policy = {
    id: 'p1',
    name: 'KYC',
    desc: '',
    policies: {},
    status: 'activated' as const,
    validFromDate: '2026-01-01T00:00:00.000Z',
    validToDate: '2030-01-01T00:00:00.000Z',
  };
  return {
    id,
    keyHash: `hash-${id}`,
    hint: 'wxyz',
    partnerId: 'bank-1',
    policyId: 'p1',
    label: id,
    isActive,
    validFromDatetime: '2026-01-01T00:00:00.000Z',
    validToDatetime: '2030-01-01T00:00:00.000Z',
    policy,
    crBy: 'bank-1',
    crDtimes: '2026-01-01T00:00:00.000Z',
    updBy: null,
    updDtimes: null,
    revision: 0,
  };
}

/** Keys in memory with revision-conditioned saves; `conflicts` makes the next saves of a key lose a race. */
function keyStore(keys: ApiKey[], conflicts: Record<string, number> = {}) {
  const stored = new Map(keys.map((key) => [key.keyHash, key]));
  const saved: { key: ApiKey; audit: AuditEntry; events: EventModel[] }[] = [];
  let ids = 0;
  const deps: KeyCascadeDeps = {
    clock: { now: () => NOW },
    ids: { newId: () => `event-${++ids}` },
    apiKeys: {
      keysOfPartner: async () => keys,
      byHash: async (hash) => stored.get(hash),
      async save(next, previous, audit, events) {
        if ((conflicts[next.id] ?? 0) > 0) {
          conflicts[next.id]! -= 1;
          stored.set(next.keyHash, { ...previous, revision: previous.revision + 1 });
          throw new ConcurrentModificationError(next.id);
        }
        assert.equal(stored.get(next.keyHash)?.revision, previous.revision, 'saved at the revision read');
        stored.set(next.keyHash, { ...next, revision: previous.revision + 1 });
        saved.push({ key: next, audit, events });
      },
    },
  };
  return { deps, stored, saved };
}

test('every key still on is switched off in its own save, with its audit record and one APIKEY_UPDATED naming the key by id', async () => {
  const { deps, stored, saved } = keyStore([apiKey('k1', true), apiKey('k2', true), apiKey('k3', false)], { k2: 1 });
  await deactivateKeysOfPartner(deps, 'admin1', 'bank-1');
  assert.deepEqual(saved.map(({ key }) => key.id).sort(), ['k1', 'k2']);
  assert.deepEqual(
    [...stored.values()].map((key) => [key.id, key.isActive]),
    [
      ['k1', false],
      ['k2', false],
      ['k3', false],
    ],
  );
  for (const { key, audit, events } of saved) {
    assert.deepEqual(
      [audit.action, audit.objectType, audit.objectId, audit.details],
      ['deactivateApiKey', 'ApiKey', key.id, { partnerId: 'bank-1', policyId: 'p1', cause: 'partnerDeactivated' }],
    );
    assert.deepEqual(
      events.map((event) => [event.topic, JSON.stringify(event.event.data)]),
      [
        [
          'APIKEY_UPDATED',
          JSON.stringify({
            apiKeyData: { apiKeyId: key.id, apiKeyCommenceOn: key.validFromDatetime, apiKeyExpiresOn: key.validToDatetime, apiKeyStatus: 'DEACTIVE' },
          }),
        ],
      ],
    );
  }
  assert.equal(stored.get('hash-k2')?.revision, 2, 'the lost race was read again and saved over');
});

test('a key the index still lists as on but already switched off is left as it is', async () => {
  const { deps, stored, saved } = keyStore([apiKey('k1', true)]);
  stored.set('hash-k1', { ...apiKey('k1', false), revision: 1 });
  await deactivateKeysOfPartner(deps, 'admin1', 'bank-1');
  assert.deepEqual(saved, []);
});

test('keys and licenses switched off with their partner are revoked by the admin (their owner cannot switch them on); expiry revokes nothing', async () => {
  const cascade = keyStore([apiKey('k1', true)]);
  await deactivateKeysOfPartner(cascade.deps, 'admin1', 'bank-1');
  assert.deepEqual(
    cascade.saved.map(({ key }) => [key.id, key.isActive, key.revokedByAdmin]),
    [['k1', false, true]],
  );
  const { retirements } = retireLicenses([license('new', true)], 'new', 'admin1', NOW);
  assert.deepEqual(
    retirements.map(({ next }) => [next.id, next.isActive, next.revokedByAdmin]),
    [['new', false, true]],
  );

  const expiry = keyStore([apiKey('k2', true)]);
  assert.equal(await switchOffApiKey(expiry.deps, 'scheduler', 'hash-k2', 'expired'), true);
  assert.deepEqual(
    expiry.saved.map(({ key }) => [key.id, key.isActive, key.revokedByAdmin]),
    [['k2', false, false]],
  );
});
