import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRole } from '../../functions/auth/roles.js';
import { getUserConsent, saveUserConsent } from '../../functions/domain/users/consent.js';
import type { UserDeps } from '../../functions/domain/users/ports.js';
import { systemConfig, uiRequiredRoles } from '../../functions/domain/users/ui-settings.js';
import type { UserConsent } from '../../functions/domain/users/user-consent.js';
import { PmsError } from '../../functions/errors/pms-error.js';

function users(owners: string[], start = new Date('2026-03-10T09:00:00.000Z')) {
  const stored = new Map<string, UserConsent>();
  const actions: string[] = [];
  let now = start;
  const deps: UserDeps = {
    clock: { now: () => now },
    users: {
      ownsPartner: async (userId) => owners.includes(userId),
      getConsent: async (userId) => stored.get(userId),
      async saveConsent(consent, audit) {
        stored.set(consent.userId, consent);
        actions.push(`${audit.action}:${audit.objectType}:${audit.objectId}`);
      },
    },
  };
  return { deps, stored, actions, later: (at: string) => (now = new Date(at)) };
}

test('a user without a partner gets PMS_CERTIFICATE_ERROR_002 and nothing is stored', async () => {
  const { deps, stored } = users([]);
  for (const call of [saveUserConsent, getUserConsent]) {
    const error = await call(deps, { userId: 'newcomer', isAdmin: false }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof PmsError);
    assert.deepEqual(error.errors, [{ code: 'PMS_CERTIFICATE_ERROR_002', message: 'User Id does not exists.' }]);
  }
  assert.equal(stored.size, 0);
});

test('consent is false until given, then true with the time of the latest confirmation', async () => {
  const { deps, stored, actions, later } = users(['printer-1']);
  const caller = { userId: 'printer-1', isAdmin: false };
  assert.deepEqual(await getUserConsent(deps, caller), { userId: 'printer-1', consentGiven: false, consentGivenDateTime: null });
  assert.deepEqual(await saveUserConsent(deps, caller), { userId: 'printer-1', consentGiven: true, consentGivenDateTime: '2026-03-10T09:00:00.000' });
  later('2026-03-11T10:00:00.000Z');
  assert.deepEqual(await saveUserConsent(deps, caller), { userId: 'printer-1', consentGiven: true, consentGivenDateTime: '2026-03-11T10:00:00.000' });
  assert.deepEqual(await getUserConsent(deps, caller), { userId: 'printer-1', consentGiven: true, consentGivenDateTime: '2026-03-11T10:00:00.000' });
  assert.deepEqual(stored.get('printer-1'), {
    userId: 'printer-1',
    consentGivenDtimes: '2026-03-11T10:00:00.000Z',
    crBy: 'printer-1',
    crDtimes: '2026-03-10T09:00:00.000Z',
    updBy: 'printer-1',
    updDtimes: '2026-03-11T10:00:00.000Z',
  });
  assert.deepEqual(actions, ['saveUserConsent:User:printer-1', 'saveUserConsent:User:printer-1']);
});

test("the portal settings are MOSIP's twelve string keys; the roles are real roles", () => {
  const config = systemConfig();
  assert.deepEqual(Object.keys(config).sort(), [
    'axiosTimeout',
    'clientAuthMethods',
    'grantTypes',
    'inActivityPromptTimer',
    'inActivityTimer',
    'isCaSignedPartnerCertificateAvailable',
    'isOidcClientAvailable',
    'isRootIntermediateCertAvailable',
    'itemsPerPage',
    'maxAllowedCreatedYear',
    'maxAllowedExpiryYear',
    'refreshNotificationsTime',
  ]);
  assert.ok(Object.values(config).every((value) => typeof value === 'string'));
  config.itemsPerPage = 'changed';
  assert.equal(systemConfig().itemsPerPage, '8', 'callers get a copy');
  const { roles } = uiRequiredRoles();
  assert.deepEqual(roles, ['AUTH_PARTNER', 'DEVICE_PROVIDER', 'CREDENTIAL_PARTNER', 'FTM_PROVIDER', 'MISP_PARTNER', 'POLICYMANAGER', 'PARTNER_ADMIN']);
  assert.ok(roles.every(isRole));
});
