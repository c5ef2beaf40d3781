import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AuditEntry } from '../../functions/domain/audit.js';
import type { Caller } from '../../functions/domain/caller.js';
import { addBiometricExtractors, mapCredentialTypePolicy } from '../../functions/domain/credential-partners/commands.js';
import {
  type BiometricExtractor,
  type CredentialTypeMapping,
  formatBiometric,
  parseBiometric,
} from '../../functions/domain/credential-partners/credential-partner.js';
import { allowedCredentialType, checkMayMapCredentialTypes, credentialTypeOf } from '../../functions/domain/credential-partners/credential-types.js';
import type { CredentialPartnerDeps } from '../../functions/domain/credential-partners/ports.js';
import { getBiometricExtractors, getCredentialTypePolicy } from '../../functions/domain/credential-partners/queries.js';
import type { Partner } from '../../functions/domain/partners/partner.js';
import type { Policy } from '../../functions/domain/policies/policy.js';
import type { PolicyGroup } from '../../functions/domain/policy-groups/policy-group.js';
import type { PolicyRequest } from '../../functions/domain/policy-requests/policy-request.js';
import { ConcurrentModificationError, UniqueConstraintError } from '../../functions/errors/pms-error.js';
import { partnerFixture as partner, policyFixture as policy } from '../support/domain-objects.js';
import { refusalOf } from '../support/refusals.js';

const NOW = new Date('2026-03-10T09:00:00.000Z');
const OWNER: Caller = { userId: 'printer-1', isAdmin: false };

const GROUP: PolicyGroup = {
  id: 'group-1',
  name: 'Printers',
  desc: 'Print partners',
  isActive: true,
  crBy: 'manager',
  crDtimes: '2026-01-01T00:00:00.000Z',
  updBy: null,
  updDtimes: null,
  activePolicyCount: 1,
  draftPolicyCount: 0,
  revision: 1,
};

function request(status: PolicyRequest['status'], policyId = 'policy-1', mappingKey = `req-${status}`): PolicyRequest {
  return {
    mappingKey,
    partnerId: 'printer-1',
    policyId,
    status,
    requestDetail: 'print cards',
    crBy: 'printer-1',
    crDtimes: '2026-02-01T00:00:00.000Z',
    updBy: null,
    updDtimes: null,
    revision: 0,
  };
}

/** In-memory ports that record what would be written. */
function world(
  options: { partners?: Partner[]; policies?: Policy[]; group?: PolicyGroup; requests?: PolicyRequest[]; extractors?: BiometricExtractor[] } = {},
) {
  const partners = options.partners ?? [partner()];
  const policies = options.policies ?? [policy()];
  const mappings = new Map<string, CredentialTypeMapping>();
  const extractors = [...(options.extractors ?? [])];
  const audits: AuditEntry[] = [];
  const savedWithPending: PolicyRequest[][] = [];
  const deps: CredentialPartnerDeps = {
    partners: { getPartner: async (id) => partners.find((p) => p.id === id) },
    policies: { getPolicy: async (id) => policies.find((p) => p.id === id) },
    groups: { getGroup: async (id) => (id === (options.group ?? GROUP).id ? (options.group ?? GROUP) : undefined) },
    clock: { now: () => NOW },
    credentialPartners: {
      policyRequestsOf: async (partnerId) => (options.requests ?? []).filter((r) => r.partnerId === partnerId),
      extractorsOf: async (partnerId, policyId) => extractors.filter((e) => e.partnerId === partnerId && e.policyId === policyId),
      async saveExtractors(next, pending, audit) {
        for (const extractor of next) {
          const at = extractors.findIndex(
            (e) => e.partnerId === extractor.partnerId && e.policyId === extractor.policyId && e.attributeName === extractor.attributeName,
          );
          if (at >= 0) extractors.splice(at, 1, extractor);
          else extractors.push(extractor);
        }
        savedWithPending.push(pending);
        audits.push(audit);
      },
      getMapping: async (partnerId, credentialType) => mappings.get(`${partnerId}/${credentialType}`),
      async createMapping(mapping, _groupId, audit) {
        const key = `${mapping.partnerId}/${mapping.credentialType}`;
        if (mappings.has(key)) throw new UniqueConstraintError('credentialType');
        mappings.set(key, mapping);
        audits.push(audit);
      },
      policyInGroupNamed: async (groupId, name) => policies.find((p) => p.policyGroupId === groupId && p.name.toLowerCase() === name.toLowerCase()),
    },
  };
  return { deps, mappings, extractors, audits, savedWithPending };
}

describe('biometric notation', () => {
  test('splits and rebuilds modality[sub-types] as MOSIP does', () => {
    assert.deepEqual(parseBiometric('Finger[LeftThumb,RightThumb]'), { modality: 'Finger', subTypes: 'LeftThumb,RightThumb' });
    assert.deepEqual(parseBiometric('Face'), { modality: 'Face', subTypes: null });
    assert.deepEqual(parseBiometric('Iris['), { modality: 'Iris', subTypes: null });
    assert.deepEqual(parseBiometric('Finger[a[b]'), { modality: 'Finger', subTypes: 'a' });
    assert.deepEqual(parseBiometric('Finger[Left]trailing'), { modality: 'Finger', subTypes: 'Left' });
    assert.equal(formatBiometric('Finger', 'LeftThumb,RightThumb'), 'Finger[LeftThumb,RightThumb]');
    assert.equal(formatBiometric('Face', null), 'Face');
  });
});

describe('credential types', () => {
  test('the configured types, matched case-insensitively, in their configured spelling', () => {
    assert.equal(credentialTypeOf('EUIN'), 'euin');
    assert.equal(credentialTypeOf('opencrvs'), 'opencrvs');
    assert.equal(credentialTypeOf('passport'), undefined);
    assert.equal(allowedCredentialType('QRCode'), 'qrcode');
  });

  test('an unknown type is PMS_PRT_072 with the allowed list; other partner types are PMS_PRT_070 with theirs', async () => {
    assert.deepEqual(await refusalOf(Promise.resolve().then(() => allowedCredentialType('passport'))), {
      code: 'PMS_PRT_072',
      message: 'Given credential type is not allowed. Allowed credential types : auth,qrcode,euin,reprint,vercred,opencrvs',
    });
    assert.doesNotThrow(() => checkMayMapCredentialTypes('Auth_Partner'));
    assert.deepEqual(await refusalOf(Promise.resolve().then(() => checkMayMapCredentialTypes('Device_Provider'))), {
      code: 'PMS_PRT_070',
      message: 'Credential mapping allowed only for :Credential_Partner,Online_Verification_Partner,Auth_Partner',
    });
  });
});

describe('mapping a credential type to a policy', () => {
  test('stores one mapping with its audit record and reads it back as PartnerCredentialTypePolicyDto', async () => {
    const { deps, mappings, audits } = world();
    assert.equal(
      await mapCredentialTypePolicy(deps, OWNER, 'printer-1', 'EUIN', 'card PRINT'),
      'Partner, policy and credentialType mapping done successfully.',
    );
    assert.deepEqual(
      [...mappings.values()],
      [{ partnerId: 'printer-1', credentialType: 'euin', policyId: 'policy-1', crBy: 'printer-1', crDtimes: NOW.toISOString() }],
    );
    assert.deepEqual(
      audits.map((a) => [a.action, a.objectId, a.details]),
      [['mapCredentialTypePolicy', 'printer-1', { credentialType: 'euin', policyId: 'policy-1' }]],
    );

    const read = await getCredentialTypePolicy(deps, OWNER, 'printer-1', 'euin');
    assert.deepEqual(Object.keys(read), [
      'partnerId',
      'credentialType',
      'policyId',
      'policyName',
      'policyDesc',
      'policyType',
      'publishDate',
      'validTill',
      'status',
      'version',
      'schema',
      'is_Active',
      'cr_by',
      'cr_dtimes',
      'up_by',
      'upd_dtimes',
      'policies',
    ]);
    assert.deepEqual(
      [read.policyName, read.policyType, read.status, read.is_Active, read.publishDate],
      ['Card print', 'DataShare', 'PUBLISHED', true, '2026-01-02T00:00:00.000'],
    );
    assert.equal((await refusalOf(mapCredentialTypePolicy(deps, OWNER, 'printer-1', 'euin', 'Card print'))).code, 'PMS_PRT_007');
  });

  const cases: [string, Parameters<typeof world>[0], string, string][] = [
    ["someone else's partner, answered as a missing one", { partners: [partner({ userId: 'someone-else' })] }, 'euin', 'PMS_PRT_005'],
    ['a missing partner', { partners: [] }, 'euin', 'PMS_PRT_005'],
    ['an unknown type, before the partner (MOSIP order)', { partners: [] }, 'passport', 'PMS_PRT_072'],
    ['an inactive partner', { partners: [partner({ isActive: false, approvalStatus: 'InProgress' })] }, 'euin', 'PMS_PMP_016'],
    ['a type that may not map', { partners: [partner({ partnerType: 'ABIS_Partner' })] }, 'euin', 'PMS_PRT_070'],
    ['a partner without a group', { partners: [partner({ policyGroupId: null })] }, 'euin', 'PMS_PRT_073'],
    ['a policy of another group', { policies: [policy({ policyGroupId: 'group-2' })] }, 'euin', 'PMS_PRT_073'],
    ['a draft policy', { policies: [policy({ status: 'draft' })] }, 'euin', 'PMS_PMP_019'],
    ['a deactivated policy', { policies: [policy({ status: 'deactivated' })] }, 'euin', 'PMS_PMP_019'],
    ['an expired policy', { policies: [policy({ validToDate: '2026-03-10T08:59:59.999Z' })] }, 'euin', 'PMS_PMP_018'],
    ['an inactive group', { group: { ...GROUP, isActive: false } }, 'euin', 'PMS_PMP_023'],
  ];
  for (const [what, setup, credentialType, code] of cases) {
    test(`refuses ${what} with ${code} and stores nothing`, async () => {
      const { deps, mappings, audits } = world(setup);
      assert.equal((await refusalOf(mapCredentialTypePolicy(deps, OWNER, 'printer-1', credentialType, 'Card print'))).code, code);
      assert.deepEqual([mappings.size, audits.length], [0, 0]);
    });
  }

  test('a partner admin maps for any partner; a missing partner is PMS_PRT_005 for them', async () => {
    const { deps, mappings } = world();
    const admin: Caller = { userId: 'admin', isAdmin: true };
    await mapCredentialTypePolicy(deps, admin, 'printer-1', 'auth', 'Card print');
    assert.equal(mappings.get('printer-1/auth')?.crBy, 'admin');
    assert.equal((await refusalOf(mapCredentialTypePolicy(deps, admin, 'nobody', 'auth', 'Card print'))).code, 'PMS_PRT_005');
  });

  test('re-checks what is stored when the write finds the partner changed', async () => {
    const { deps } = world();
    let attempts = 0;
    const stored = partner();
    deps.partners.getPartner = async () => (attempts === 0 ? stored : { ...stored, isActive: false });
    deps.credentialPartners.createMapping = async () => {
      attempts++;
      throw new ConcurrentModificationError('partner');
    };
    assert.equal((await refusalOf(mapCredentialTypePolicy(deps, OWNER, 'printer-1', 'auth', 'Card print'))).code, 'PMS_PMP_016');
  });

  test('reading: unknown or unmapped types are PMS_PRT_064; a vanished policy is PMS_PRT_073', async () => {
    const { deps, mappings } = world();
    assert.equal((await refusalOf(getCredentialTypePolicy(deps, OWNER, 'printer-1', 'passport'))).code, 'PMS_PRT_064');
    assert.equal((await refusalOf(getCredentialTypePolicy(deps, OWNER, 'printer-1', 'qrcode'))).code, 'PMS_PRT_064');
    mappings.set('printer-1/qrcode', { partnerId: 'printer-1', credentialType: 'qrcode', policyId: 'gone', crBy: 'x', crDtimes: NOW.toISOString() });
    assert.equal((await refusalOf(getCredentialTypePolicy(deps, OWNER, 'printer-1', 'qrcode'))).code, 'PMS_PRT_073');
  });
});

describe('biometric extractors', () => {
  const input = (...entries: [string, string, string?][]) => ({
    extractors: entries.map(([attributeName, biometric, provider]) => ({
      attributeName,
      biometric,
      extractor: { provider: provider ?? 'mock', version: '1.1' },
    })),
  });

  test('need a request for the policy (PMS_PRT_061) and none approved (PMS_PRT_062)', async () => {
    for (const [requests, code] of [
      [[], 'PMS_PRT_061'],
      [[request('InProgress', 'other-policy')], 'PMS_PRT_061'],
      [[request('rejected'), request('approved')], 'PMS_PRT_062'],
    ] as const) {
      const { deps, extractors, audits } = world({ requests: [...requests] });
      assert.equal((await refusalOf(addBiometricExtractors(deps, OWNER, 'printer-1', 'policy-1', input(['face', 'Face'])))).code, code);
      assert.deepEqual([extractors.length, audits.length], [0, 0]);
    }
  });

  test('one per attribute, the later entry winning; an update keeps who created it; pending requests guard the write', async () => {
    const pending = request('InProgress');
    const { deps, extractors, audits, savedWithPending } = world({ requests: [request('rejected'), pending] });
    assert.equal(
      await addBiometricExtractors(
        deps,
        OWNER,
        'printer-1',
        'policy-1',
        input(['face', 'Face', 'first'], ['finger', 'Finger[LeftThumb,RightThumb]'], ['face', 'Face', 'second']),
      ),
      'Extractors added successfully.',
    );
    assert.deepEqual(savedWithPending, [[pending]]);
    assert.deepEqual(audits[0]?.details, { policyId: 'policy-1', attributes: 'face,finger' });
    assert.deepEqual(
      extractors.map((e) => [e.attributeName, e.biometricModality, e.biometricSubTypes, e.extractorProvider, e.crBy, e.updBy]),
      [
        ['face', 'Face', null, 'second', 'printer-1', null],
        ['finger', 'Finger', 'LeftThumb,RightThumb', 'mock', 'printer-1', null],
      ],
    );

    const admin: Caller = { userId: 'admin', isAdmin: true };
    await addBiometricExtractors(deps, admin, 'printer-1', 'policy-1', input(['face', 'Face[Full]', 'third']));
    const face = extractors.find((e) => e.attributeName === 'face')!;
    assert.deepEqual(
      [face.crBy, face.crDtimes, face.updBy, face.updDtimes, face.extractorProvider],
      ['printer-1', NOW.toISOString(), 'admin', NOW.toISOString(), 'third'],
    );

    assert.deepEqual(await getBiometricExtractors(deps, OWNER, 'printer-1', 'policy-1'), {
      extractors: [
        { attributeName: 'face', biometric: 'Face[Full]', extractor: { provider: 'third', version: '1.1' } },
        { attributeName: 'finger', biometric: 'Finger[LeftThumb,RightThumb]', extractor: { provider: 'mock', version: '1.1' } },
      ],
    });
    assert.equal((await refusalOf(getBiometricExtractors(deps, OWNER, 'printer-1', 'other-policy'))).code, 'PMS_PRT_064');
  });

  test("someone else's partner is answered as a missing one (MOSIP: no request PMS_PRT_061, no extractors PMS_PRT_064), before anything is read", async () => {
    const admin: Caller = { userId: 'admin', isAdmin: true };
    for (const [caller, partners] of [
      [OWNER, [partner({ userId: 'someone-else' })]],
      [OWNER, []],
      [admin, []],
    ] as const) {
      const { deps } = world({ partners: [...partners], requests: [request('InProgress')], extractors: [] });
      deps.credentialPartners.policyRequestsOf = async () => assert.fail('requests were read');
      deps.credentialPartners.extractorsOf = async () => assert.fail('extractors were read');
      const added = await refusalOf(addBiometricExtractors(deps, caller, 'printer-1', 'policy-1', input(['face', 'Face'])));
      assert.deepEqual(added, { code: 'PMS_PRT_061', message: 'Partner policy mapping not exists.' });
      assert.deepEqual(await refusalOf(getBiometricExtractors(deps, caller, 'printer-1', 'policy-1')), { code: 'PMS_PRT_064', message: 'No details found' });
      assert.deepEqual(await refusalOf(getCredentialTypePolicy(deps, caller, 'printer-1', 'euin')), { code: 'PMS_PRT_064', message: 'No details found' });
    }
  });
});
