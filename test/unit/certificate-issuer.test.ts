import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { before, test } from 'node:test';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  type Extension,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_keyUsage,
  id_ce_subjectKeyIdentifier,
  KeyUsage,
  SubjectKeyIdentifier,
  SubjectPublicKeyInfo,
} from '@peculiar/asn1-x509';
import { localKeySigner } from '../../functions/adapters/signing/local-key-signer.js';
import {
  CertificateSignatureError,
  type CertificateToIssue,
  issueCertificate,
  randomSerialNumber,
  type SubjectAttribute,
} from '../../functions/domain/certificates/certificate-issuer.js';
import { ensurePmsCa, type PmsCa, PmsCaKeyMismatchError, type PmsCaStore } from '../../functions/domain/certificates/pms-ca.js';
import { cachedPmsCa } from '../../functions/domain/certificates/pms-ca-cache.js';
import { resignedPartnerCertificate } from '../../functions/domain/certificates/resigned-partner-certificate.js';
import type { CertificateSigner } from '../../functions/domain/certificates/signer.js';
import { refusal } from '../support/refusals.js';

const NOW = new Date('2026-03-01T08:30:15.000Z');
const DAY = 86_400_000;
const OID = { C: '2.5.4.6', ST: '2.5.4.8', L: '2.5.4.7', O: '2.5.4.10', OU: '2.5.4.11', CN: '2.5.4.3' };

function rsaSigner(): CertificateSigner {
  return localKeySigner(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
}

/** Counts signatures, to tell a created hierarchy from a stored one. */
function counting(signer: CertificateSigner): CertificateSigner & { signatures: number } {
  const counted = {
    algorithm: signer.algorithm,
    publicKey: () => signer.publicKey(),
    signatures: 0,
    signDigest: (digest: Uint8Array) => {
      counted.signatures++;
      return signer.signDigest(digest);
    },
  };
  return counted;
}

function memoryStore(): PmsCaStore & { stored?: PmsCa } {
  const store: PmsCaStore & { stored?: PmsCa } = {
    get: async () => store.stored,
    async putIfAbsent(ca) {
      if (store.stored) return false;
      store.stored = ca;
      return true;
    },
  };
  return store;
}

function parsed(der: Uint8Array): Certificate {
  return AsnConvert.parse(der, Certificate);
}

function extensionOf(der: Uint8Array, oid: string): Extension {
  const found = parsed(der).tbsCertificate.extensions?.filter((extension) => extension.extnID === oid) ?? [];
  assert.equal(found.length, 1, `exactly one extension ${oid}`);
  return found[0]!;
}

function keyUsageOf(extension: Extension): string[] {
  return AsnConvert.parse(extension.extnValue, KeyUsage).toJSON().sort();
}

function hex(buffer: ArrayBuffer | Uint8Array): string {
  return Buffer.from(buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer)).toString('hex');
}

/** The subject as [type OID, ASN.1 string type, value] per RDN, in order. */
function subjectOf(der: Uint8Array): [string, string, string][] {
  return Array.from(parsed(der).tbsCertificate.subject, (rdn) => {
    assert.equal(rdn.length, 1);
    const { type, value } = rdn[0]!;
    const encoding = value.printableString !== undefined ? 'printable' : value.utf8String !== undefined ? 'utf8' : 'other';
    return [type, encoding, value.toString()];
  });
}

function partnerSpki(): Uint8Array {
  return new Uint8Array(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'der' }));
}

const PARTNER_SUBJECT: SubjectAttribute[] = [
  { type: 'CN', value: 'bank-one-auth' },
  { type: 'O', value: 'Bank One Ltd' },
  { type: 'OU', value: 'Identity' },
  { type: 'L', value: 'Bengaluru' },
  { type: 'ST', value: 'Karnātaka' },
  { type: 'C', value: 'IN' },
  { type: 'O', value: 'a second O, dropped' },
];

let ca: PmsCa;
let issuingSigner: CertificateSigner;

before(async () => {
  issuingSigner = rsaSigner();
  ca = await ensurePmsCa({ store: memoryStore(), rootSigner: rsaSigner(), issuingSigner, clock: { now: () => new Date(NOW.getTime() - 30 * DAY) } });
});

async function resign(partnerDomain: string, spki = partnerSpki(), extra: Partial<Parameters<typeof resignedPartnerCertificate>[0]> = {}) {
  return issueCertificate(
    resignedPartnerCertificate({ subject: PARTNER_SUBJECT, subjectPublicKeyInfo: spki, partnerDomain, issuerCertificate: ca.issuing, now: NOW, ...extra }),
    issuingSigner,
  );
}

test("the re-signed certificate keeps the partner's key byte for byte and its C, ST, L, O, OU, CN in MOSIP's order", async () => {
  const spki = partnerSpki();
  const der = await resign('AUTH', spki);
  assert.equal(hex(AsnConvert.serialize(parsed(der).tbsCertificate.subjectPublicKeyInfo)), hex(spki));
  assert.deepEqual(subjectOf(der), [
    [OID.C, 'printable', 'IN'],
    [OID.ST, 'utf8', 'Karnātaka'],
    [OID.L, 'utf8', 'Bengaluru'],
    [OID.O, 'utf8', 'Bank One Ltd'],
    [OID.OU, 'utf8', 'Identity'],
    [OID.CN, 'utf8', 'bank-one-auth'],
  ]);
  const certificate = new X509Certificate(der);
  assert.equal(certificate.subject, 'C=IN\nST=Karnātaka\nL=Bengaluru\nO=Bank One Ltd\nOU=Identity\nCN=bank-one-auth');
});

test('issuer is the ISSUING subject, AKI is its SKI, and the signature verifies with its key only', async () => {
  const der = await resign('AUTH');
  const issuing = new X509Certificate(ca.issuing);
  const certificate = new X509Certificate(der);
  assert.equal(certificate.issuer, issuing.subject);
  assert.equal(hex(AsnConvert.serialize(parsed(der).tbsCertificate.issuer)), hex(AsnConvert.serialize(parsed(ca.issuing).tbsCertificate.subject)));
  const aki = AsnConvert.parse(extensionOf(der, id_ce_authorityKeyIdentifier).extnValue, AuthorityKeyIdentifier);
  const issuerSki = AsnConvert.parse(extensionOf(ca.issuing, id_ce_subjectKeyIdentifier).extnValue, SubjectKeyIdentifier);
  assert.equal(hex(aki.keyIdentifier!.buffer), hex(issuerSki.buffer));
  assert.equal(certificate.checkIssued(issuing), true);
  assert.equal(certificate.verify(issuing.publicKey), true);
  assert.equal(certificate.verify(new X509Certificate(ca.root).publicKey), false);
});

test('SKI is the SHA-1 of the subjectPublicKey bits (RFC 5280 method 1)', async () => {
  const spki = partnerSpki();
  const der = await resign('DEVICE', spki);
  const ski = AsnConvert.parse(extensionOf(der, id_ce_subjectKeyIdentifier).extnValue, SubjectKeyIdentifier);
  const bits = AsnConvert.parse(spki, SubjectPublicKeyInfo).subjectPublicKey;
  assert.equal(hex(ski.buffer), createHash('sha1').update(new Uint8Array(bits)).digest('hex'));
  assert.equal(extensionOf(der, id_ce_subjectKeyIdentifier).critical, false);
});

test('validity runs from now for 365 days by default, or validityDays', async () => {
  const certificate = new X509Certificate(await resign('AUTH'));
  assert.equal(new Date(certificate.validFrom).toISOString(), NOW.toISOString());
  assert.equal(new Date(certificate.validTo).toISOString(), new Date(NOW.getTime() + 365 * DAY).toISOString());
  const short = new X509Certificate(await resign('AUTH', partnerSpki(), { validityDays: 30 }));
  assert.equal(new Date(short.validTo).toISOString(), new Date(NOW.getTime() + 30 * DAY).toISOString());
});

test('times are encoded in whole seconds', async () => {
  const certificate = new X509Certificate(await resign('AUTH', partnerSpki(), { now: new Date(NOW.getTime() + 999) }));
  assert.equal(new Date(certificate.validFrom).toISOString(), NOW.toISOString());
});

test('key usage is critical: digitalSignature and keyCertSign, plus keyEncipherment for AUTH only', async () => {
  for (const [domain, expected] of [
    ['AUTH', ['digitalSignature', 'keyEncipherment', 'keyCertSign']],
    ['DEVICE', ['digitalSignature', 'keyCertSign']],
    ['FTM', ['digitalSignature', 'keyCertSign']],
  ] as const) {
    const extension = extensionOf(await resign(domain), id_ce_keyUsage);
    assert.equal(extension.critical, true);
    assert.deepEqual(keyUsageOf(extension), [...expected].sort(), domain);
  }
});

test('basic constraints are critical with cA=true and no path length, as MOSIP issues them', async () => {
  const extension = extensionOf(await resign('DEVICE'), id_ce_basicConstraints);
  assert.equal(extension.critical, true);
  const constraints = AsnConvert.parse(extension.extnValue, BasicConstraints);
  assert.equal(constraints.cA, true);
  assert.equal(constraints.pathLenConstraint, undefined);
  assert.equal(new X509Certificate(await resign('DEVICE')).ca, true);
});

test('serial numbers are positive, 16 octets and differ', async () => {
  const serials = await Promise.all([1, 2, 3].map(async () => hex(parsed(await resign('AUTH')).tbsCertificate.serialNumber)));
  assert.equal(new Set(serials).size, 3);
  for (const serial of [...serials, ...Array.from({ length: 200 }, () => hex(randomSerialNumber()))]) {
    assert.equal(serial.length, 32);
    assert.ok(Number.parseInt(serial.slice(0, 2), 16) >= 0x40 && Number.parseInt(serial.slice(0, 2), 16) < 0x80, serial);
  }
  const given = Uint8Array.of(0x01, 0x02);
  assert.equal(hex(parsed(await resign('AUTH', partnerSpki(), { serialNumber: given })).tbsCertificate.serialNumber), '0102');
});

test('negative, zero, over-long or non-minimal serial numbers are refused', async () => {
  for (const serialNumber of [Uint8Array.of(0x80, 0x01), Uint8Array.of(0x00), Uint8Array.of(0x00, 0x7f), new Uint8Array(21).fill(0x11), new Uint8Array(0)]) {
    await assert.rejects(resign('AUTH', partnerSpki(), { serialNumber }), /serial number/, hex(serialNumber));
  }
  assert.equal(hex(parsed(await resign('AUTH', partnerSpki(), { serialNumber: Uint8Array.of(0x00, 0x80) })).tbsCertificate.serialNumber), '0080');
});

test('a partner subject without CN is refused with KER-PCM-115; a country that is no PrintableString with KER-PCM-001', async () => {
  const withoutCn = PARTNER_SUBJECT.filter((attribute) => attribute.type !== 'CN');
  assert.equal(await refusal(resign('AUTH', partnerSpki(), { subject: withoutCn })), 'KER-PCM-115');
  const badCountry = PARTNER_SUBJECT.map((attribute) => (attribute.type === 'C' ? { type: 'C' as const, value: 'Ï@' } : attribute));
  assert.equal(await refusal(resign('AUTH', partnerSpki(), { subject: badCountry })), 'KER-PCM-001');
  const emptyOrg = PARTNER_SUBJECT.map((attribute) => (attribute.type === 'O' ? { type: 'O' as const, value: '' } : attribute));
  assert.equal(await refusal(resign('AUTH', partnerSpki(), { subject: emptyOrg })), 'KER-PCM-001');
});

test('a certificate that would outlive its issuer, or start before it, is refused', async () => {
  const issuingNotAfter = new Date(new X509Certificate(ca.issuing).validTo);
  await assert.rejects(resign('AUTH', partnerSpki(), { validityDays: 5 * 365 }), /falls outside its issuer's/);
  await assert.rejects(resign('AUTH', partnerSpki(), { now: new Date(issuingNotAfter.getTime() - 10 * DAY) }), /falls outside its issuer's/);
  await assert.rejects(resign('AUTH', partnerSpki(), { now: new Date(NOW.getTime() - 60 * DAY) }), /falls outside its issuer's/);
});

test("a signer whose key is not the issuer certificate's key cannot issue under it", async () => {
  await assert.rejects(
    issueCertificate(
      resignedPartnerCertificate({
        subject: PARTNER_SUBJECT,
        subjectPublicKeyInfo: partnerSpki(),
        partnerDomain: 'AUTH',
        issuerCertificate: ca.issuing,
        now: NOW,
      }),
      rsaSigner(),
    ),
    CertificateSignatureError,
  );
});

test("a self-signed certificate needs the signer's own key, and any certificate an SPKI DER key", async () => {
  const request: CertificateToIssue = {
    subject: [{ type: 'CN', value: 'x' }],
    subjectPublicKeyInfo: partnerSpki(),
    notBefore: NOW,
    notAfter: new Date(NOW.getTime() + DAY),
    serialNumber: randomSerialNumber(),
    basicConstraints: { cA: true },
    keyUsage: ['keyCertSign'],
  };
  await assert.rejects(issueCertificate(request, rsaSigner()), CertificateSignatureError);
  const own = rsaSigner();
  const leaf = new X509Certificate(
    await issueCertificate({ ...request, subjectPublicKeyInfo: await own.publicKey(), basicConstraints: { cA: false }, keyUsage: ['digitalSignature'] }, own),
  );
  assert.equal(leaf.verify(leaf.publicKey), true);
  // The right key, but an issuer certificate without keyCertSign.
  await assert.rejects(issueCertificate({ ...request, issuerCertificate: new Uint8Array(leaf.raw) }, own), /may not sign certificates/);
  await assert.rejects(issueCertificate({ ...request, subjectPublicKeyInfo: Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x01) }, rsaSigner()));
  await assert.rejects(issueCertificate({ ...request, notAfter: NOW }, rsaSigner()), /notBefore must be before notAfter/);
});

test('the PMS CA: ROOT self-signed with pathLen 1 for 10 years, ISSUING under it with pathLen 0 for 5 years', () => {
  const root = new X509Certificate(ca.root);
  const issuing = new X509Certificate(ca.issuing);
  const createdAt = new Date(NOW.getTime() - 30 * DAY);
  assert.equal(root.subject, 'O=MOSIP PMS\nCN=PMS ROOT CA');
  assert.equal(root.issuer, root.subject);
  assert.equal(issuing.subject, 'O=MOSIP PMS\nCN=PMS ISSUING CA');
  assert.equal(issuing.issuer, root.subject);
  assert.equal(new Date(root.validFrom).toISOString(), createdAt.toISOString());
  assert.equal(new Date(root.validTo).toISOString(), '2036-01-30T08:30:15.000Z');
  assert.equal(new Date(issuing.validTo).toISOString(), '2031-01-30T08:30:15.000Z');
  assert.deepEqual(
    AsnConvert.parse(extensionOf(ca.root, id_ce_basicConstraints).extnValue, BasicConstraints),
    new BasicConstraints({ cA: true, pathLenConstraint: 1 }),
  );
  assert.deepEqual(
    AsnConvert.parse(extensionOf(ca.issuing, id_ce_basicConstraints).extnValue, BasicConstraints),
    new BasicConstraints({ cA: true, pathLenConstraint: 0 }),
  );
  for (const der of [ca.root, ca.issuing]) assert.deepEqual(keyUsageOf(extensionOf(der, id_ce_keyUsage)), ['crlSign', 'keyCertSign']);
  assert.equal(root.verify(root.publicKey), true);
  assert.equal(issuing.verify(root.publicKey), true);
});

test('ensurePmsCa returns the stored hierarchy without signing again', async () => {
  const store = memoryStore();
  const rootSigner = counting(rsaSigner());
  const issuing = counting(rsaSigner());
  const deps = { store, rootSigner, issuingSigner: issuing, clock: { now: () => NOW } };
  const created = await ensurePmsCa(deps);
  assert.equal(rootSigner.signatures, 2);
  assert.deepEqual(await ensurePmsCa(deps), created);
  assert.equal(rootSigner.signatures, 2);
  assert.equal(issuing.signatures, 0);
});

test('a stored hierarchy made with other keys is an error naming the replaced key', async () => {
  const store = memoryStore();
  const rootSigner = rsaSigner();
  await ensurePmsCa({ store, rootSigner, issuingSigner: rsaSigner(), clock: { now: () => NOW } });
  await assert.rejects(ensurePmsCa({ store, rootSigner, issuingSigner: rsaSigner(), clock: { now: () => NOW } }), (error: unknown) => {
    assert.ok(error instanceof PmsCaKeyMismatchError);
    assert.equal(error.role, 'ISSUING');
    assert.match(error.message, /rotation runbook/);
    return true;
  });
  await assert.rejects(ensurePmsCa({ store, rootSigner: rsaSigner(), issuingSigner: rsaSigner(), clock: { now: () => NOW } }), {
    name: 'PmsCaKeyMismatchError',
    role: 'ROOT',
  });
});

test('a writer that loses the first-start race returns the stored hierarchy, not its own', async () => {
  const rootSigner = rsaSigner();
  const issuing = rsaSigner();
  const winner = await ensurePmsCa({ store: memoryStore(), rootSigner, issuingSigner: issuing, clock: { now: () => NOW } });
  const store = memoryStore();
  store.stored = winner;
  // The loser's first read came before the winner's write; its own write then finds the winner's hierarchy.
  let reads = 0;
  const racing: PmsCaStore = { get: async () => (reads++ === 0 ? undefined : store.get()), putIfAbsent: (ca, createdAt) => store.putIfAbsent(ca, createdAt) };
  assert.equal(await ensurePmsCa({ store: racing, rootSigner, issuingSigner: issuing, clock: { now: () => NOW } }), winner);
  assert.equal(reads, 2);
  assert.equal(store.stored, winner);
});

test('cachedPmsCa loads once while loading succeeds, and tries again after a failure', async () => {
  let loads = 0;
  const load = cachedPmsCa(async () => {
    loads++;
    if (loads === 1) throw new Error('table unavailable');
    return ca;
  });
  await assert.rejects(load(), /table unavailable/);
  const [first, second] = await Promise.all([load(), load()]);
  assert.equal(first, ca);
  assert.equal(second, ca);
  assert.equal(await load(), ca);
  assert.equal(loads, 2);
});
