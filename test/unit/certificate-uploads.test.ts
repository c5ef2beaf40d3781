import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { minimumValidityFromEnv, selfRegisteredActivationFromEnv } from '../../functions/adapters/certificate-store-wiring.js';
import { uploadCaCertificates } from '../../functions/domain/certificates/ca-upload.js';
import { uploadPartnerCertificate } from '../../functions/domain/certificates/partner-certificate-upload.js';
import type { MinimumRemainingValidity, SelfRegisteredActivation } from '../../functions/domain/certificates/ports.js';
import type { Partner } from '../../functions/domain/partners/partner.js';
import { PmsError } from '../../functions/errors/pms-error.js';
import { forgeCertificate, forgeTrustChain, pemOf } from '../../local/certificate-forge.js';
import { inMemoryCertificateDeps, registeredAuthPartner } from '../support/certificate-deps.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const ADMIN = { userId: 'admin', isAdmin: true };
const BANK = { userId: 'bank-1', isAdmin: false };
const chain = forgeTrustChain({ organization: 'Bank One', commonName: 'bank-1 signer', at: NOW });

/** A store holding the chain's root and intermediate in AUTH, and bank-1 registered by its own user. */
async function arranged(
  minimumValidity?: MinimumRemainingValidity,
  selfRegisteredActivation?: SelfRegisteredActivation,
  partners = [registeredAuthPartner('bank-1', 'Bank One', NOW)],
) {
  const world = await inMemoryCertificateDeps({ now: NOW, partners, minimumValidity, selfRegisteredActivation });
  await uploadCaCertificates(world.deps, ADMIN, { certificateData: chain.root.pem + chain.intermediate.pem, partnerDomain: 'AUTH' });
  world.writes.length = 0;
  return world;
}

async function refusedWith(action: Promise<unknown>, code: string) {
  await assert.rejects(action, (error: unknown) => error instanceof PmsError && error.code === code, code);
}

const leafFrom = (options: Parameters<typeof forgeCertificate>[0]) =>
  forgeCertificate({
    subject: 'CN=bank-1 signer,O=Bank One,C=IN',
    issuer: chain.intermediate,
    notBefore: new Date(NOW.getTime() - DAY_MS),
    notAfter: new Date(NOW.getTime() + 400 * DAY_MS),
    ...options,
  });

describe('CA upload rules (MOSIP order, then ours)', () => {
  test('a root and its intermediate are stored ROOT and INTERMEDIATE, the intermediate naming the root', async () => {
    const world = await inMemoryCertificateDeps({ now: NOW, partners: [] });
    const answer = await uploadCaCertificates(world.deps, ADMIN, { certificateData: chain.intermediate.pem + chain.root.pem, partnerDomain: 'auth' });
    assert.equal(answer.status, 'Upload Success.');
    const [write] = world.writes;
    assert.equal(write?.kind, 'caCertificates');
    const stored = write.kind === 'caCertificates' ? write.certificates : [];
    assert.deepEqual(
      stored.map((cert) => cert.caCertificateType),
      ['ROOT', 'INTERMEDIATE'],
    );
    assert.equal(stored[1]!.issuerId, stored[0]!.certId);
    assert.equal(stored[0]!.issuerId, stored[0]!.certId);
    assert.deepEqual(
      stored.map((cert) => cert.partnerDomain),
      ['AUTH', 'AUTH'],
    );
  });

  test('less than 12 months left, not yet valid, v1, not a CA: each its code; a partial chain stores what passed', async () => {
    const world = await inMemoryCertificateDeps({ now: NOW, partners: [] });
    const shortLived = forgeCertificate({
      subject: 'CN=Short,O=X',
      ca: true,
      notBefore: new Date(NOW.getTime() - DAY_MS),
      notAfter: new Date(NOW.getTime() + 300 * DAY_MS),
    });
    await refusedWith(uploadCaCertificates(world.deps, ADMIN, { certificateData: shortLived.pem, partnerDomain: 'AUTH' }), 'KER-PCM-017');
    const future = forgeCertificate({
      subject: 'CN=Future,O=X',
      ca: true,
      notBefore: new Date(NOW.getTime() + 2 * DAY_MS),
      notAfter: new Date(NOW.getTime() + 900 * DAY_MS),
    });
    await refusedWith(uploadCaCertificates(world.deps, ADMIN, { certificateData: future.pem, partnerDomain: 'AUTH' }), 'KER-PMS-020');
    const laterToday = forgeCertificate({
      subject: 'CN=Later,O=X',
      ca: true,
      notBefore: new Date(NOW.getTime() + 60_000),
      notAfter: new Date(NOW.getTime() + 900 * DAY_MS),
    });
    await refusedWith(uploadCaCertificates(world.deps, ADMIN, { certificateData: laterToday.pem, partnerDomain: 'AUTH' }), 'KER-PCM-004');
    const notCa = forgeCertificate({
      subject: 'CN=Leafy,O=X',
      ca: false,
      notBefore: new Date(NOW.getTime() - DAY_MS),
      notAfter: new Date(NOW.getTime() + 900 * DAY_MS),
    });
    await refusedWith(uploadCaCertificates(world.deps, ADMIN, { certificateData: notCa.pem, partnerDomain: 'AUTH' }), 'KER-PCM-104');
    assert.equal(world.writes.length, 0);

    const partial = await uploadCaCertificates(world.deps, ADMIN, { certificateData: chain.root.pem + notCa.pem, partnerDomain: 'AUTH' });
    assert.equal(partial.status, 'Partial Upload Success.');
    assert.equal(world.writes.length, 1);
  });
});

describe('CA upload: the 12 months left are counted in days, as keymanager does', () => {
  test('a CA expiring early on the day 12 months from now is accepted; one expiring the day before is KER-PCM-017', async () => {
    const world = await inMemoryCertificateDeps({ now: NOW, partners: [] });
    const expiringAt = (notAfter: string, slot: string) =>
      forgeCertificate({
        subject: `CN=${slot},O=Dates,C=IN`,
        keySlot: slot,
        ca: true,
        notBefore: new Date(NOW.getTime() - DAY_MS),
        notAfter: new Date(notAfter),
      });
    // NOW is 2026-11-23T10:00Z: 12 months on is 2027-11-23, 10:00.
    const sameDay = expiringAt('2027-11-23T00:30:00.000Z', 'same-day');
    assert.equal((await uploadCaCertificates(world.deps, ADMIN, { certificateData: sameDay.pem, partnerDomain: 'AUTH' })).status, 'Upload Success.');
    const dayBefore = expiringAt('2027-11-22T23:59:59.000Z', 'day-before');
    await refusedWith(uploadCaCertificates(world.deps, ADMIN, { certificateData: dayBefore.pem, partnerDomain: 'AUTH' }), 'KER-PCM-017');
  });
});

describe("the minimum remaining validity is the operator's setting", () => {
  const caExpiringAt = (notAfter: Date, slot: string) =>
    forgeCertificate({ subject: `CN=${slot},O=Minimums,C=IN`, keySlot: slot, ca: true, notBefore: new Date(NOW.getTime() - DAY_MS), notAfter });
  const uploadCa = (world: Awaited<ReturnType<typeof inMemoryCertificateDeps>>, pem: string) =>
    uploadCaCertificates(world.deps, ADMIN, { certificateData: pem, partnerDomain: 'AUTH' });
  const uploadLeaf = (world: Awaited<ReturnType<typeof arranged>>, notAfter: Date) =>
    uploadPartnerCertificate(world.deps, BANK, { partnerId: 'bank-1', partnerDomain: 'AUTH', certificateData: leafFrom({ notAfter }).pem });

  test('CA: 3 months configured; expiring the day before 3 months from now is KER-PCM-017, on that day accepted', async () => {
    const world = await inMemoryCertificateDeps({ now: NOW, partners: [], minimumValidity: { caMonths: 3, partnerDays: 335 } });
    // NOW is 2026-11-23T10:00Z: 3 months on is 2027-02-23 (MOSIP's 12 would refuse both).
    await refusedWith(uploadCa(world, caExpiringAt(new Date('2027-02-22T23:59:59.000Z'), 'three-short').pem), 'KER-PCM-017');
    assert.equal((await uploadCa(world, caExpiringAt(new Date('2027-02-23T00:30:00.000Z'), 'three-enough').pem)).status, 'Upload Success.');
    assert.equal(world.writes.length, 1);
  });

  test('partner: 30 days configured; a minute short is KER-KMS-021 and writes nothing, a minute over is re-signed', async () => {
    const world = await arranged({ caMonths: 12, partnerDays: 30 });
    await refusedWith(uploadLeaf(world, new Date(NOW.getTime() + 30 * DAY_MS - 60_000)), 'KER-KMS-021');
    assert.equal(world.writes.length, 0);
    await uploadLeaf(world, new Date(NOW.getTime() + 30 * DAY_MS + 60_000));
    assert.deepEqual(
      world.writes.map((write) => write.kind),
      ['partnerCertificate'],
    );
  });

  test('0 accepts a CA and a partner certificate that expire tomorrow; the defaults refuse both', async () => {
    const tomorrow = new Date(NOW.getTime() + DAY_MS);
    const shortCa = caExpiringAt(tomorrow, 'tomorrow-ca');
    const atDefaults = await arranged();
    await refusedWith(uploadCa(atDefaults, shortCa.pem), 'KER-PCM-017');
    await refusedWith(uploadLeaf(atDefaults, tomorrow), 'KER-KMS-021');
    assert.equal(atDefaults.writes.length, 0);

    const atZero = await arranged({ caMonths: 0, partnerDays: 0 });
    assert.equal((await uploadCa(atZero, shortCa.pem)).status, 'Upload Success.');
    await uploadLeaf(atZero, tomorrow);
    assert.deepEqual(
      atZero.writes.map((write) => write.kind),
      ['caCertificates', 'partnerCertificate'],
    );
    // Compared at the certificate's second precision: a CA whose notAfter is 10:00:00Z is valid at 10:00:00.500Z.
    const atHalfSecond = await inMemoryCertificateDeps({
      now: new Date(NOW.getTime() + 500),
      partners: [],
      minimumValidity: { caMonths: 0, partnerDays: 0 },
    });
    assert.equal((await uploadCa(atHalfSecond, caExpiringAt(NOW, 'expiring-now-ca').pem)).status, 'Upload Success.');
    // 0 still asks for a certificate valid now (KER-PCM-004): MOSIP's rule before the minimum.
    await refusedWith(uploadCa(atZero, caExpiringAt(new Date(NOW.getTime() - 60_000), 'expired-ca').pem), 'KER-PCM-004');
  });
});

describe('the minimums from the environment', () => {
  test("unset or empty: MOSIP's 12 months and 335 days; whole numbers from 0 are taken as given", () => {
    assert.deepEqual(minimumValidityFromEnv({}), { caMonths: 12, partnerDays: 335 });
    assert.deepEqual(minimumValidityFromEnv({ CA_CERT_MIN_VALIDITY_MONTHS: '', PARTNER_CERT_MIN_VALIDITY_DAYS: '' }), { caMonths: 12, partnerDays: 335 });
    assert.deepEqual(minimumValidityFromEnv({ CA_CERT_MIN_VALIDITY_MONTHS: '0', PARTNER_CERT_MIN_VALIDITY_DAYS: '0' }), { caMonths: 0, partnerDays: 0 });
    assert.deepEqual(minimumValidityFromEnv({ CA_CERT_MIN_VALIDITY_MONTHS: '24', PARTNER_CERT_MIN_VALIDITY_DAYS: '700' }), { caMonths: 24, partnerDays: 700 });
  });

  test('negative, fractional, non-numeric or beyond 100 years: the wiring stops, naming the variable and the value', () => {
    const refusals: [NodeJS.ProcessEnv, RegExp][] = [
      [{ CA_CERT_MIN_VALIDITY_MONTHS: '-1' }, /^CA_CERT_MIN_VALIDITY_MONTHS must be a whole number of months from 0 to 1200, not -1$/],
      [{ CA_CERT_MIN_VALIDITY_MONTHS: '1201' }, /CA_CERT_MIN_VALIDITY_MONTHS .* not 1201$/],
      [{ CA_CERT_MIN_VALIDITY_MONTHS: 'twelve' }, /CA_CERT_MIN_VALIDITY_MONTHS .* not twelve$/],
      [{ PARTNER_CERT_MIN_VALIDITY_DAYS: '0.5' }, /^PARTNER_CERT_MIN_VALIDITY_DAYS must be a whole number of days from 0 to 36525, not 0\.5$/],
      [{ PARTNER_CERT_MIN_VALIDITY_DAYS: '-30' }, /PARTNER_CERT_MIN_VALIDITY_DAYS .* not -30$/],
      [{ PARTNER_CERT_MIN_VALIDITY_DAYS: ' ' }, /PARTNER_CERT_MIN_VALIDITY_DAYS .* not {2}$/],
    ];
    for (const [env, message] of refusals) assert.throws(() => minimumValidityFromEnv(env), { message }, JSON.stringify(env));
  });
});

describe('CA upload: RFC 5280 and MOSIP accept a CA without keyUsage', () => {
  test('a root and an intermediate without keyUsage are stored; a keyUsage without keyCertSign is KER-PCM-105', async () => {
    const world = await inMemoryCertificateDeps({ now: NOW, partners: [] });
    const valid = { notBefore: new Date(NOW.getTime() - DAY_MS), notAfter: new Date(NOW.getTime() + 900 * DAY_MS) };
    const root = forgeCertificate({ subject: 'CN=Bare Root,O=Bare,C=IN', keySlot: 'bare-root', ca: true, keyUsage: null, ...valid });
    const intermediate = forgeCertificate({
      subject: 'CN=Bare Sub,O=Bare,C=IN',
      issuer: root,
      keySlot: 'bare-sub',
      ca: { pathLen: 0 },
      keyUsage: null,
      ...valid,
    });
    assert.equal((await uploadCaCertificates(world.deps, ADMIN, { certificateData: root.pem, partnerDomain: 'AUTH' })).status, 'Upload Success.');
    assert.equal((await uploadCaCertificates(world.deps, ADMIN, { certificateData: intermediate.pem, partnerDomain: 'AUTH' })).status, 'Upload Success.');
    const stored = world.writes.flatMap((write) => (write.kind === 'caCertificates' ? write.certificates : []));
    assert.deepEqual(
      stored.map((cert) => [cert.caCertificateType, cert.subject]),
      [
        ['ROOT', 'CN=Bare Root,O=Bare,C=IN'],
        ['INTERMEDIATE', 'CN=Bare Sub,O=Bare,C=IN'],
      ],
    );

    const signingOnly = forgeCertificate({ subject: 'CN=Signing Only,O=Bare,C=IN', ca: true, keyUsage: ['digitalSignature', 'cRLSign'], ...valid });
    await refusedWith(uploadCaCertificates(world.deps, ADMIN, { certificateData: signingOnly.pem, partnerDomain: 'AUTH' }), 'KER-PCM-105');
    assert.equal(world.writes.length, 2);
  });
});

describe('CA upload: issue #19 rules', () => {
  const valid = { notBefore: new Date(NOW.getTime() - DAY_MS), notAfter: new Date(NOW.getTime() + 900 * DAY_MS) };

  test('a root whose basicConstraints cA=true is not critical is KER-PCM-117 and nothing is stored', async () => {
    const world = await inMemoryCertificateDeps({ now: NOW, partners: [] });
    const lax = forgeCertificate({ subject: 'CN=Lax Root,O=Lax,C=IN', ca: true, basicConstraintsCritical: false, ...valid });
    await refusedWith(uploadCaCertificates(world.deps, ADMIN, { certificateData: lax.pem, partnerDomain: 'AUTH' }), 'KER-PCM-117');
    assert.equal(world.writes.length, 0);
  });

  test('a root with an empty subject is KER-PCM-118 and nothing is stored', async () => {
    const world = await inMemoryCertificateDeps({ now: NOW, partners: [] });
    const nameless = forgeCertificate({ subject: '', keySlot: 'nameless', ca: true, ...valid });
    await refusedWith(uploadCaCertificates(world.deps, ADMIN, { certificateData: nameless.pem, partnerDomain: 'AUTH' }), 'KER-PCM-118');
    assert.equal(world.writes.length, 0);
  });

  test('a root with serial number 0, or one of 21 octets, is KER-PCM-119 and nothing is stored', async () => {
    const world = await inMemoryCertificateDeps({ now: NOW, partners: [] });
    for (const serialNumber of [Uint8Array.of(0), Uint8Array.from({ length: 21 }, (_, index) => index + 1)]) {
      const root = forgeCertificate({ subject: 'CN=Serial Root,O=Serial,C=IN', ca: true, serialNumber, ...valid });
      await refusedWith(uploadCaCertificates(world.deps, ADMIN, { certificateData: root.pem, partnerDomain: 'AUTH' }), 'KER-PCM-119');
    }
    assert.equal(world.writes.length, 0);
  });

  test("a root whose authorityKeyIdentifier is another key's is KER-PCM-125; a name-constrained intermediate is KER-PCM-123; nothing is stored", async () => {
    const world = await inMemoryCertificateDeps({ now: NOW, partners: [] });
    /** AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] 20 octets of 0x11 }. */
    const foreignKeyId = Uint8Array.of(0x30, 0x16, 0x80, 0x14, ...new Uint8Array(20).fill(0x11));
    const misdirected = forgeCertificate({
      subject: 'CN=Misdirected Root,O=Keys,C=IN',
      ca: true,
      keyIdentifiers: false,
      extraExtensions: [{ oid: '2.5.29.35', critical: false, value: foreignKeyId }],
      ...valid,
    });
    await refusedWith(uploadCaCertificates(world.deps, ADMIN, { certificateData: misdirected.pem, partnerDomain: 'AUTH' }), 'KER-PCM-125');
    assert.equal(world.writes.length, 0);
    /** NameConstraints ::= SEQUENCE { permittedSubtrees [0] { GeneralSubtree { dNSName "bank.example" } } }. */
    const dnsSubtree = Uint8Array.of(0x30, 0x12, 0xa0, 0x10, 0x30, 0x0e, 0x82, 0x0c, ...Buffer.from('bank.example'));
    const constrained = forgeCertificate({
      subject: 'CN=Constrained CA,O=Bank One,C=IN',
      issuer: chain.root,
      keySlot: 'constrained',
      ca: true,
      extraExtensions: [{ oid: '2.5.29.30', critical: false, value: dnsSubtree }],
      ...valid,
    });
    await uploadCaCertificates(world.deps, ADMIN, { certificateData: chain.root.pem, partnerDomain: 'AUTH' });
    world.writes.length = 0;
    await refusedWith(uploadCaCertificates(world.deps, ADMIN, { certificateData: constrained.pem, partnerDomain: 'AUTH' }), 'KER-PCM-123');
    assert.equal(world.writes.length, 0);
  });
});

describe("unreadable certificateData answers keymanager's code for each upload", () => {
  const truncatedPem = pemOf('CERTIFICATE', chain.root.der.slice(0, chain.root.der.length - 10));
  const junkBase64 = Buffer.from('not a certificate at all').toString('base64url');

  test('CA upload: text that is not base64 or a PEM it cannot read is KER-CRY-003; base64 of no certificate KER-PCM-001', async () => {
    const world = await inMemoryCertificateDeps({ now: NOW, partners: [] });
    const upload = (certificateData: string) => uploadCaCertificates(world.deps, ADMIN, { certificateData, partnerDomain: 'AUTH' });
    await refusedWith(upload('dgdhshj@hhdeege'), 'KER-CRY-003');
    await refusedWith(upload(truncatedPem), 'KER-CRY-003');
    await refusedWith(upload(`${chain.root.pem}${truncatedPem}`), 'KER-CRY-003');
    await refusedWith(upload(junkBase64), 'KER-PCM-001');
    assert.equal(world.writes.length, 0);
  });

  test('the CA upload keeps the detail of what could not be read', async () => {
    const world = await inMemoryCertificateDeps({ now: NOW, partners: [] });
    await assert.rejects(uploadCaCertificates(world.deps, ADMIN, { certificateData: 'dgdhshj@hhdeege', partnerDomain: 'AUTH' }), {
      message: ' input data is not base64 encoded (neither PEM nor base64)',
    });
  });

  test('partner upload: anything it cannot read is KER-KMS-013', async () => {
    const world = await arranged();
    const upload = (certificateData: string) => uploadPartnerCertificate(world.deps, BANK, { partnerId: 'bank-1', partnerDomain: 'AUTH', certificateData });
    const withoutBeginLine = chain.leaf.pem.split('\n').slice(1).join('\n');
    for (const text of [withoutBeginLine, 'dgdhshj@hhdeege', truncatedPem, junkBase64]) await refusedWith(upload(text), 'KER-KMS-013');
    assert.equal(world.writes.length, 0);
  });
});

describe('partner certificate upload', () => {
  test('re-signs with the PMS issuing CA, approves and activates the partner (activation on upload, as MOSIP), and is idempotent', async () => {
    const world = await arranged(undefined, 'on-certificate-upload');
    const answer = await uploadPartnerCertificate(world.deps, BANK, { partnerId: 'bank-1', partnerDomain: 'AUTH', certificateData: chain.leaf.pem });
    const signed = new X509Certificate(answer.signedCertificateData);
    assert.ok(signed.verify(new X509Certificate(Buffer.from(world.pmsCa.issuing)).publicKey));
    const [write] = world.writes;
    assert.ok(write?.kind === 'partnerCertificate');
    assert.deepEqual([write.partner.isActive, write.partner.approvalStatus, write.partner.certificateAlias], [true, 'approved', answer.certificateId]);
    assert.equal(write.partner.certificate?.signedThumbprint, signed.fingerprint256.replace(/:/g, '').toLowerCase());

    const again = await uploadPartnerCertificate(world.deps, BANK, { partnerId: 'bank-1', partnerDomain: 'AUTH', certificateData: chain.leaf.pem });
    assert.deepEqual([again.certificateId, again.signedCertificateData], [answer.certificateId, answer.signedCertificateData]);
    assert.equal(world.writes.length, 1);
  });

  test("keymanager's rules in its order, and ours, each with its code and nothing written", async () => {
    const world = await arranged();
    const upload = (certificateData: string, partnerDomain = 'AUTH') =>
      uploadPartnerCertificate(world.deps, BANK, { partnerId: 'bank-1', partnerDomain, certificateData });
    await refusedWith(upload(leafFrom({ notAfter: new Date(NOW.getTime() + 334 * DAY_MS) }).pem), 'KER-KMS-021');
    await refusedWith(upload(leafFrom({ notBefore: new Date(NOW.getTime() + 2 * DAY_MS) }).pem), 'KER-PMS-020');
    await refusedWith(upload(leafFrom({ ca: true }).pem), 'KER-PCM-113');
    await refusedWith(upload(leafFrom({ keyUsage: ['digitalSignature', 'keyCertSign'] }).pem), 'KER-PCM-113');
    await refusedWith(upload(leafFrom({ extraExtensions: [{ oid: '2.5.29.37', critical: false, value: Uint8Array.of(0x30, 0x00) }] }).pem), 'KER-PCM-120');
    await refusedWith(upload(leafFrom({ subject: 'CN=bank-1 signer,O=Bank Two,C=IN' }).pem), 'KER-PCM-008');
    await refusedWith(upload(leafFrom({ subject: 'O=Bank One,C=IN' }).pem), 'KER-PCM-115');
    await refusedWith(upload(leafFrom({ key: 'rsa1024' }).pem), 'KER-PCM-013');
    await refusedWith(upload(leafFrom({ key: 'rsa2052' }).pem), 'KER-PCM-121');
    await refusedWith(
      upload(
        leafFrom({
          mutateTbs: (tbs) => {
            for (const extension of tbs.extensions ?? []) if (extension.extnID === '2.5.29.14') extension.critical = true;
          },
        }).pem,
      ),
      'KER-PCM-122',
    );
    await refusedWith(upload(leafFrom({ hash: 'sha1' }).pem), 'KER-PCM-014');
    await refusedWith(upload(chain.leaf.pem, 'FTM'), 'KER-PCM-011');
    await refusedWith(upload(leafFrom({ issuer: forgeTrustChain({ organization: 'Elsewhere', at: NOW }).intermediate }).pem), 'KER-PCM-006');
    assert.equal(world.writes.length, 0);
  });

  test('a non-admin cannot upload for a partner that is not theirs: it is answered as a missing partner', async () => {
    const world = await arranged();
    await refusedWith(
      uploadPartnerCertificate(
        world.deps,
        { userId: 'bank-2', isAdmin: false },
        { partnerId: 'bank-1', partnerDomain: 'AUTH', certificateData: chain.leaf.pem },
      ),
      'PMS_PRT_005',
    );
  });

  test('property: mutated DER and PEM never escape as anything but a refusal, and a refusal writes nothing', async () => {
    const world = await arranged();
    const der = chain.leaf.der;
    const mutatedDer = fc.oneof(
      fc.record({ at: fc.nat(der.length - 1), bit: fc.integer({ min: 0, max: 7 }) }).map(({ at, bit }) => {
        const copy = Uint8Array.from(der);
        copy[at] = copy[at]! ^ (1 << bit);
        return copy;
      }),
      fc.nat(der.length - 1).map((length) => der.slice(0, length)),
      fc.record({ at: fc.nat(der.length - 1), value: fc.integer({ min: 0, max: 255 }) }).map(({ at, value }) => {
        const copy = Uint8Array.from(der);
        copy[at] = value;
        return copy;
      }),
      fc.uint8Array({ minLength: 1, maxLength: 64 }).map((tail) => Uint8Array.from([...der, ...tail])),
    );
    const asText = fc.oneof(
      mutatedDer.map((bytes) => pemOf('CERTIFICATE', bytes)),
      mutatedDer.map((bytes) => Buffer.from(bytes).toString('base64url')),
      fc
        .record({ at: fc.nat(chain.leaf.pem.length - 1), char: fc.string({ minLength: 1, maxLength: 2 }) })
        .map(({ at, char }) => chain.leaf.pem.slice(0, at) + char + chain.leaf.pem.slice(at + 1)),
    );
    await fc.assert(
      fc.asyncProperty(asText, async (certificateData) => {
        const before = world.writes.length;
        try {
          await uploadPartnerCertificate(world.deps, BANK, { partnerId: 'bank-1', partnerDomain: 'AUTH', certificateData });
        } catch (error) {
          if (!(error instanceof PmsError)) throw new Error(`unhandled ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
          assert.equal(world.writes.length, before, 'a refused upload wrote something');
          return;
        }
        // Accepted: only a text that still carries the genuine certificate (a change inside the PEM armour, say).
        const written = world.writes.at(-1);
        assert.ok(written?.kind === 'partnerCertificate', 'an accepted upload stored the certificate');
        assert.ok(new X509Certificate(written.certificate.originalPem).raw.equals(Buffer.from(der)), 'only the genuine certificate is accepted');
      }),
      { numRuns: 300 },
    );
  });
});

describe('a self-registered partner is activated by a partner admin, not by uploading a (public) certificate', () => {
  const upload = (world: Awaited<ReturnType<typeof arranged>>, caller = BANK) =>
    uploadPartnerCertificate(world.deps, caller, { partnerId: 'bank-1', partnerDomain: 'AUTH', certificateData: chain.leaf.pem });
  const partnerWritten = (world: Awaited<ReturnType<typeof arranged>>): Partner => {
    const write = world.writes.at(-1);
    assert.ok(write?.kind === 'partnerCertificate');
    return write.partner;
  };

  test('by default the upload stores and re-signs the certificate but leaves the partner pending and inactive; the same upload again writes nothing', async () => {
    const world = await arranged();
    const answer = await upload(world);
    const partner = partnerWritten(world);
    assert.deepEqual([partner.approvalStatus, partner.isActive, partner.certificateAlias], ['InProgress', false, answer.certificateId]);
    const again = await upload(world);
    assert.deepEqual([again.certificateId, again.signedCertificateData], [answer.certificateId, answer.signedCertificateData]);
    assert.equal(world.writes.length, 1);
  });

  test('a partner an admin registered for its user was vetted: its upload activates it; an admin uploading for a self-registered one does not vet it', async () => {
    const adminRegistered = { ...registeredAuthPartner('bank-1', 'Bank One', NOW), crBy: 'admin1' };
    const vetted = await arranged(undefined, undefined, [adminRegistered]);
    await upload(vetted);
    assert.deepEqual([partnerWritten(vetted).approvalStatus, partnerWritten(vetted).isActive], ['approved', true]);

    const selfRegistered = await arranged();
    await upload(selfRegistered, ADMIN);
    assert.deepEqual([partnerWritten(selfRegistered).approvalStatus, partnerWritten(selfRegistered).isActive], ['InProgress', false]);
  });

  test('an approved partner renewing its certificate stays active', async () => {
    const approved: Partner = { ...registeredAuthPartner('bank-1', 'Bank One', NOW), approvalStatus: 'approved', isActive: true };
    const world = await arranged(undefined, undefined, [approved]);
    await upload(world);
    assert.deepEqual([partnerWritten(world).approvalStatus, partnerWritten(world).isActive], ['approved', true]);
  });

  test("SELF_REGISTERED_PARTNER_ACTIVATION: unset or empty is by-partner-admin; MOSIP's on-certificate-upload is taken; anything else stops the wiring", () => {
    assert.equal(selfRegisteredActivationFromEnv({}), 'by-partner-admin');
    assert.equal(selfRegisteredActivationFromEnv({ SELF_REGISTERED_PARTNER_ACTIVATION: '' }), 'by-partner-admin');
    assert.equal(selfRegisteredActivationFromEnv({ SELF_REGISTERED_PARTNER_ACTIVATION: 'on-certificate-upload' }), 'on-certificate-upload');
    assert.throws(
      () => selfRegisteredActivationFromEnv({ SELF_REGISTERED_PARTNER_ACTIVATION: 'yes' }),
      /^Error: SELF_REGISTERED_PARTNER_ACTIVATION must be by-partner-admin or on-certificate-upload, not "yes"$/,
    );
  });
});
