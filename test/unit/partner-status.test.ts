import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuditEntry } from '../../functions/domain/audit.js';
import { uploadCaCertificates } from '../../functions/domain/certificates/ca-upload.js';
import { uploadPartnerCertificate } from '../../functions/domain/certificates/partner-certificate-upload.js';
import type { EventModel } from '../../functions/domain/events/event-model.js';
import type { PartnerStatusDeps } from '../../functions/domain/partner-deactivation/ports.js';
import { changePartnerStatus } from '../../functions/domain/partners/admin-commands.js';
import type { Partner } from '../../functions/domain/partners/partner.js';
import { ConcurrentModificationError } from '../../functions/errors/pms-error.js';
import { forgeTrustChain } from '../../local/certificate-forge.js';
import { inMemoryCertificateDeps, registeredAuthPartner } from '../support/certificate-deps.js';
import { partnerFixture } from '../support/domain-objects.js';
import { testPersonalData } from '../support/personal-data.js';
import { refusal } from '../support/refusals.js';

/*
 * An admin's "De-Active" must hold in every state of the partner (issue #13, finding 1): MOSIP answers success for
 * a registered partner and writes nothing, after which the partner's certificate upload approves and activates it.
 */

const NOW = new Date('2026-11-23T10:00:00.000Z');
const ADMIN = { userId: 'admin1', isAdmin: true };
const BANK = { userId: 'bank-1', isAdmin: false };
const chain = forgeTrustChain({ organization: 'Bank One', commonName: 'bank-1 signer', at: NOW });

const unexpected = () => assert.fail('not used by a status change');

/** PartnerStatusDeps over `partners` (shared with other ports), recording each save; the partner has no keys or licenses. */
function statusDeps(partners: Map<string, Partner>) {
  const saves: { next: Partner; audit: AuditEntry; events: EventModel[] }[] = [];
  let ids = 0;
  const deps: PartnerStatusDeps = {
    partners: {
      getPartner: async (id) => partners.get(id),
      async save(next, previous, audit, events) {
        if (partners.get(next.id)?.revision !== previous.revision) throw new ConcurrentModificationError(next.id);
        partners.set(next.id, { ...next, revision: previous.revision + 1 });
        saves.push({ next, audit, events });
      },
      register: unexpected,
      emailRegistered: unexpected,
      getContact: unexpected,
      saveContact: unexpected,
      partnersOfUser: unexpected,
      listPartners: unexpected,
    },
    groups: { getGroup: unexpected, getGroupByName: unexpected },
    personalData: testPersonalData,
    licenses: { licensesOf: async () => [], latestId: async () => null },
    policies: { getPolicy: unexpected },
    apiKeys: { keysOfPartner: async () => [], byHash: unexpected, save: unexpected },
    clock: { now: () => NOW },
    ids: { newId: () => `id-${++ids}` },
  };
  return { deps, saves };
}

test('De-Active on a registered partner is stored: still InProgress and inactive, marked deactivated by the admin, audited and published', async () => {
  const partners = new Map([['bank-1', registeredAuthPartner('bank-1', 'Bank One', NOW)]]);
  const { deps, saves } = statusDeps(partners);

  assert.deepEqual(await changePartnerStatus(deps, ADMIN, 'bank-1', 'De-Active'), { message: 'Partner de-activated successfully' });

  assert.equal(saves.length, 1);
  const [{ next, audit, events }] = saves as [(typeof saves)[number]];
  assert.deepEqual(
    [next.approvalStatus, next.isActive, next.deactivatedByAdmin, next.updBy, next.updDtimes],
    ['InProgress', false, true, 'admin1', NOW.toISOString()],
  );
  assert.deepEqual([audit.actor, audit.action, audit.objectType, audit.objectId], ['admin1', 'deactivatePartner', 'Partner', 'bank-1']);
  assert.deepEqual(
    events.map((event) => [event.topic, event.event.data]),
    [['PARTNER_UPDATED', { partnerData: { partnerId: 'bank-1', partnerName: 'Bank One', certificateData: null, partnerStatus: 'DEACTIVE' } }]],
  );
});

test('a partner deactivated before its approval is deactivated for good: every later status change is PMS_PM_063 and writes nothing', async () => {
  const partners = new Map([['bank-1', { ...registeredAuthPartner('bank-1', 'Bank One', NOW), deactivatedByAdmin: true }]]);
  const { deps, saves } = statusDeps(partners);
  for (const status of ['Active', 'De-Active', 'paused']) assert.equal(await refusal(changePartnerStatus(deps, ADMIN, 'bank-1', status)), 'PMS_PM_063', status);
  assert.deepEqual(saves, []);
});

test("an admin's deactivation of a registered partner holds: its certificate upload is refused (PMS_PMP_016) and it stays inactive and unapproved", async () => {
  const world = await inMemoryCertificateDeps({ now: NOW, partners: [registeredAuthPartner('bank-1', 'Bank One', NOW)] });
  await uploadCaCertificates(world.deps, ADMIN, { certificateData: chain.root.pem + chain.intermediate.pem, partnerDomain: 'AUTH' });
  world.writes.length = 0;
  const { deps } = statusDeps(world.partners);

  await changePartnerStatus(deps, ADMIN, 'bank-1', 'De-Active');
  const upload = uploadPartnerCertificate(world.deps, BANK, { partnerId: 'bank-1', partnerDomain: 'AUTH', certificateData: chain.leaf.pem });

  assert.equal(await refusal(upload), 'PMS_PMP_016');
  assert.deepEqual(world.writes, []);
  const stored = world.partners.get('bank-1')!;
  assert.deepEqual([stored.approvalStatus, stored.isActive, stored.certificateAlias], ['InProgress', false, null]);
});

test('an approved partner: De-Active deactivates it as before (approved, inactive, and now marked), and Active on an active one writes nothing', async () => {
  const partners = new Map([['bank-1', partnerFixture({ id: 'bank-1', userId: 'bank-1', partnerType: 'Auth_Partner' })]]);
  const { deps, saves } = statusDeps(partners);
  assert.deepEqual(await changePartnerStatus(deps, ADMIN, 'bank-1', 'active'), { message: 'Partner activated successfully' });
  assert.equal(saves.length, 0);

  await changePartnerStatus(deps, ADMIN, 'bank-1', 'DE-ACTIVE');
  assert.deepEqual(
    saves.map(({ next }) => [next.approvalStatus, next.isActive, next.deactivatedByAdmin]),
    [['approved', false, true]],
  );
  assert.equal(await refusal(changePartnerStatus(deps, ADMIN, 'bank-1', 'Active')), 'PMS_PM_063');
});

test("a self-registered partner pending after its certificate upload is approved and activated by the admin's Active, and only then", async () => {
  const world = await inMemoryCertificateDeps({ now: NOW, partners: [registeredAuthPartner('bank-1', 'Bank One', NOW)] });
  await uploadCaCertificates(world.deps, ADMIN, { certificateData: chain.root.pem + chain.intermediate.pem, partnerDomain: 'AUTH' });
  await uploadPartnerCertificate(world.deps, BANK, { partnerId: 'bank-1', partnerDomain: 'AUTH', certificateData: chain.leaf.pem });
  const pending = world.partners.get('bank-1')!;
  assert.deepEqual([pending.approvalStatus, pending.isActive], ['InProgress', false]);
  assert.notEqual(pending.certificateAlias, null);

  const { deps, saves } = statusDeps(world.partners);
  assert.deepEqual(await changePartnerStatus(deps, ADMIN, 'bank-1', 'Active'), { message: 'Partner activated successfully' });
  assert.deepEqual(
    saves.map(({ next, audit }) => [next.approvalStatus, next.isActive, audit.action]),
    [['approved', true, 'activatePartner']],
  );
});
