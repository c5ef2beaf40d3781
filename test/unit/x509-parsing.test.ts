import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, verify, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { AsnConvert } from '@peculiar/asn1-schema';
import { BasicConstraints, type Version } from '@peculiar/asn1-x509';
import { parseCertificateData } from '../../functions/domain/certificates/x509/certificate-data.js';
import { checkCertificateProfile } from '../../functions/domain/certificates/x509/certificate-profile.js';
import { firstAttribute, parseCertificate } from '../../functions/domain/certificates/x509/parse-certificate.js';
import { certificatePem } from '../../functions/domain/certificates/x509/pem.js';
import { decodeCertsOnlyPkcs7, encodeCertsOnlyPkcs7, pkcs7Pem } from '../../functions/domain/certificates/x509/pkcs7.js';
import { PmsError } from '../../functions/errors/pms-error.js';
import {
  algorithmIdentifier,
  type ForgeOptions,
  forgeCertificate,
  forgeKeyPair,
  forgeTrustChain,
  pemOf,
  withIndefiniteOuterLength,
  withLongFormOuterLength,
} from '../../local/certificate-forge.js';

/** The refusal of a synchronous operation; anything but a PmsError fails the test. */
function refusalOf(action: () => unknown): { code: string; message: string } {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof PmsError, `expected a PmsError, got ${String(error)}`);
    return { code: error.code, message: error.message };
  }
  return assert.fail('expected a refusal');
}

const codeOf = (action: () => unknown) => refusalOf(action).code;
const parseForged = (options: ForgeOptions) => parseCertificate(forgeCertificate(options).der);

const CHAIN = forgeTrustChain({ organization: 'Parse Org', commonName: 'Parse Device' });

describe('parseCertificate reads what the certificate says', () => {
  const issuer = forgeCertificate({ subject: 'CN=Field CA,O=Fields,C=IN', keySlot: 'field-ca', ca: { pathLen: 2 } });
  const notBefore = new Date('2026-01-01T00:00:00.000Z');
  const notAfter = new Date('2060-01-01T00:00:00.000Z');
  const forged = forgeCertificate({
    subject: 'CN=Field Leaf,OU=Unit,O=Fields,L=Pune,ST=MH,C=IN',
    issuer,
    keySlot: 'field-leaf',
    notBefore,
    notAfter,
    serialNumber: Uint8Array.of(0x01, 0x02, 0x03),
    keyUsage: ['digitalSignature', 'nonRepudiation', 'keyEncipherment'],
  });
  const cert = parseCertificate(forged.der);
  const issuerCert = parseCertificate(issuer.der);

  test('version, serial, validity (UTCTime and GeneralizedTime), names', () => {
    assert.equal(cert.version, 3);
    assert.equal(cert.serialNumberHex, '010203');
    assert.deepEqual(cert.notBefore, notBefore);
    assert.deepEqual(cert.notAfter, notAfter);
    assert.equal(cert.subject.text, 'CN=Field Leaf,OU=Unit,O=Fields,L=Pune,ST=MH,C=IN');
    assert.equal(cert.issuer.text, 'CN=Field CA,O=Fields,C=IN');
    assert.deepEqual(cert.issuer.der, issuerCert.subject.der);
    assert.deepEqual(
      cert.subject.attributes.map((attribute) => `${attribute.shortName}=${attribute.value}`),
      ['C=IN', 'ST=MH', 'L=Pune', 'O=Fields', 'OU=Unit', 'CN=Field Leaf'],
    );
  });

  test('extensions: basicConstraints, keyUsage bits, key identifiers', () => {
    assert.deepEqual(cert.basicConstraints, { cA: false, pathLenConstraint: null, critical: false });
    assert.deepEqual(issuerCert.basicConstraints, { cA: true, pathLenConstraint: 2, critical: true });
    assert.deepEqual(cert.keyUsage, {
      digitalSignature: true,
      nonRepudiation: true,
      keyEncipherment: true,
      dataEncipherment: false,
      keyAgreement: false,
      keyCertSign: false,
      cRLSign: false,
    });
    assert.equal(issuerCert.keyUsage?.keyCertSign, true);
    assert.equal(issuerCert.keyUsage?.cRLSign, true);
    assert.match(cert.subjectKeyIdentifier ?? '', /^[0-9a-f]{40}$/);
    assert.equal(cert.authorityKeyIdentifier, issuerCert.subjectKeyIdentifier);
  });

  test('thumbprints are SHA-1 and SHA-256 of the DER, as node:crypto computes them', () => {
    const x509 = new X509Certificate(forged.der);
    assert.equal(cert.thumbprintSha1, x509.fingerprint.replace(/:/g, '').toLowerCase());
    assert.equal(cert.thumbprintSha256, x509.fingerprint256.replace(/:/g, '').toLowerCase());
    assert.equal(cert.thumbprintSha256, createHash('sha256').update(forged.der).digest('hex'));
  });

  test('tbsDer is the signed part and the key is described', () => {
    assert.equal(verify('sha256', cert.tbsDer, issuer.publicKey, cert.signatureValue), true);
    assert.equal(cert.signatureAlgorithmOid, '1.2.840.113549.1.1.11');
    assert.deepEqual(cert.signatureAlgorithmParameters, Uint8Array.of(0x05, 0x00));
    assert.deepEqual(cert.publicKey.spkiDer, new Uint8Array(forged.publicKey.export({ format: 'der', type: 'spki' })));
    assert.equal(cert.publicKey.type, 'RSA');
    assert.equal(cert.publicKey.rsaBits, 2048);
  });

  test('the result owns plain copies of the bytes: changing the input afterwards changes nothing', () => {
    const input = Buffer.from(forged.der);
    const copy = parseCertificate(input);
    input.fill(0);
    assert.deepEqual(copy.der, new Uint8Array(forged.der));
    assert.equal(copy.thumbprintSha256, cert.thumbprintSha256);
  });

  test('a negative serial number (MOSIP re-signs with SecureRandom.nextLong) is read as encoded', () => {
    assert.equal(parseForged({ serialNumber: Uint8Array.of(0x80, 0x01) }).serialNumberHex, '8001');
  });

  test('versions 1 and 2 parse; the upload rules refuse them', () => {
    assert.equal(parseForged({ version: 1 }).version, 1);
    assert.equal(parseForged({ version: 2 }).version, 2);
    assert.equal(parseForged({ version: 1 }).basicConstraints, null);
  });

  test('a certificate made by OpenSSL parses (real-world DER, critical EKU and SAN)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'x509-parsing-'));
    try {
      const config = join(dir, 'ext.cnf');
      writeFileSync(
        config,
        '[req]\ndistinguished_name=dn\n[dn]\n[ext]\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,clientAuth\nsubjectAltName=critical,DNS:partner.example\nsubjectKeyIdentifier=hash\n',
      );
      const out = join(dir, 'cert.der');
      const result = spawnSync('openssl', [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-384',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-subj',
        '/C=IN/O=Open, SSL/OU=A/OU=B/CN=OpenSSL Partner',
        '-days',
        '30',
        '-config',
        config,
        '-extensions',
        'ext',
        '-outform',
        'DER',
        '-out',
        out,
      ]);
      assert.equal(result.status, 0, result.stderr.toString());
      const cert = parseCertificate(readFileSync(out));
      assert.equal(cert.subject.text, 'CN=OpenSSL Partner,OU=B,O=Open\\, SSL,C=IN');
      assert.equal(cert.publicKey.curve, 'P-384');
      assert.equal(cert.signatureAlgorithmOid, '1.2.840.10045.4.3.2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('DistinguishedName.text is MOSIP’s formatCertificateDN', () => {
  test('CN, OU, O, L, ST, C in that order whatever the encoding order; other attributes left out', () => {
    const cert = parseForged({ subject: 'C=IN,E=ops@example.org,CN=Reordered,ST=KA,O=Org,L=Blr,OU=Unit' });
    assert.equal(cert.subject.text, 'CN=Reordered,OU=Unit,O=Org,L=Blr,ST=KA,C=IN');
    assert.equal(cert.subject.attributes.find((attribute) => attribute.shortName === 'E')?.value, 'ops@example.org');
  });

  test('absent attributes are skipped', () => {
    assert.equal(parseForged({ subject: 'CN=Only Name' }).subject.text, 'CN=Only Name');
    assert.equal(parseForged({ subject: 'O=No Common Name,C=IN' }).subject.text, 'O=No Common Name,C=IN');
  });

  test('a repeated type gives the value MOSIP sees first: the one listed first in RFC 4514 order (encoded last)', () => {
    const cert = parseForged({ subject: 'CN=Repeat,OU=Second,OU=First,O=Org' });
    assert.deepEqual(
      cert.subject.attributes.filter((attribute) => attribute.shortName === 'OU').map((attribute) => attribute.value),
      ['First', 'Second'],
    );
    assert.equal(cert.subject.text, 'CN=Repeat,OU=Second,O=Org');
    assert.equal(firstAttribute(cert.subject, 'OU'), 'Second');
  });

  test('values are escaped like BouncyCastle IETFUtils; firstAttribute returns them unescaped', () => {
    const cert = parseForged({ subject: 'CN=#1 Partner\\, Ltd,O=A\\+B \\= C;D' });
    assert.equal(cert.subject.text, 'CN=\\#1 Partner\\, Ltd,O=A\\+B \\= C\\;D');
    assert.equal(firstAttribute(cert.subject, 'O'), 'A+B = C;D');
    assert.equal(firstAttribute(cert.subject, 'ST'), null);
  });

  test('a multi-valued RDN is flattened', () => {
    const cert = parseForged({ subject: 'CN=Multi+OU=Valued,O=Org' });
    assert.equal(cert.subject.attributes.length, 3);
    assert.equal(cert.subject.text, 'CN=Multi,OU=Valued,O=Org');
  });
});

describe('parseCertificate refuses what is not strict DER', () => {
  const good = CHAIN.leaf.der;

  test('BER long-form outer length: KER-PCM-101', () =>
    assert.equal(
      codeOf(() => parseCertificate(withLongFormOuterLength(good))),
      'KER-PCM-101',
    ));
  test('BER indefinite outer length: KER-PCM-101', () =>
    assert.equal(
      codeOf(() => parseCertificate(withIndefiniteOuterLength(good))),
      'KER-PCM-101',
    ));
  test('trailing bytes: KER-PCM-101', () =>
    assert.equal(
      codeOf(() => parseCertificate(Buffer.concat([good, Uint8Array.of(0)]))),
      'KER-PCM-101',
    ));
  test('truncated: KER-PCM-001', () =>
    assert.equal(
      codeOf(() => parseCertificate(good.subarray(0, good.length - 10))),
      'KER-PCM-001',
    ));
  test('empty: KER-PCM-001', () =>
    assert.equal(
      codeOf(() => parseCertificate(new Uint8Array())),
      'KER-PCM-001',
    ));
  test('not ASN.1 at all: KER-PCM-001', () =>
    assert.equal(
      codeOf(() => parseCertificate(Buffer.from('hello, certificate'))),
      'KER-PCM-001',
    ));

  test('a PKCS#7 where one certificate is expected: KER-PCM-001', () => {
    assert.equal(
      codeOf(() => parseCertificate(encodeCertsOnlyPkcs7([good]))),
      'KER-PCM-001',
    );
  });

  test('over 16 KiB: KER-PCM-102', () => {
    const bulky = forgeCertificate({ extraExtensions: [{ oid: '1.3.6.1.4.1.99999.1', critical: false, value: new Uint8Array(17_000).fill(4) }] });
    assert.equal(
      codeOf(() => parseCertificate(bulky.der)),
      'KER-PCM-102',
    );
  });

  test('outer signatureAlgorithm differs from the TBS one: KER-PCM-109', () => {
    const mismatched = forgeCertificate({ outerSignatureAlgorithm: algorithmIdentifier('1.2.840.113549.1.1.12', null) });
    assert.equal(
      codeOf(() => parseCertificate(mismatched.der)),
      'KER-PCM-109',
    );
  });

  test('the same TBS algorithm with absent instead of NULL parameters outside: KER-PCM-109', () => {
    const mismatched = forgeCertificate({ outerSignatureAlgorithm: algorithmIdentifier('1.2.840.113549.1.1.11') });
    assert.equal(
      codeOf(() => parseCertificate(mismatched.der)),
      'KER-PCM-109',
    );
  });

  test('a duplicate extension: KER-PCM-108', () => {
    const duplicate = forgeCertificate({ extraExtensions: [{ oid: '2.5.29.19', critical: false, value: basicConstraints(false) }] });
    assert.equal(
      codeOf(() => parseCertificate(duplicate.der)),
      'KER-PCM-108',
    );
  });

  test('an unknown critical extension: KER-PCM-107', () => {
    const unknown = forgeCertificate({ extraExtensions: [{ oid: '1.3.6.1.4.1.99999.7', critical: true, value: Uint8Array.of(0x05, 0x00) }] });
    assert.equal(
      codeOf(() => parseCertificate(unknown.der)),
      'KER-PCM-107',
    );
  });

  test('a critical nameConstraints or policyConstraints parses, so that the profile refuses it with its own code (KER-PCM-123, KER-PCM-124)', () => {
    const constraints = {
      '2.5.29.30': ['KER-PCM-123', Uint8Array.of(0x30, 0x00)],
      '2.5.29.36': ['KER-PCM-124', Uint8Array.of(0x30, 0x03, 0x80, 0x01, 0x00)],
    } as const;
    for (const [oid, [code, value]] of Object.entries(constraints)) {
      const constrained = parseCertificate(forgeCertificate({ ca: true, extraExtensions: [{ oid, critical: true, value }] }).der);
      assert.deepEqual(
        constrained.criticalExtensions.filter((id) => id === oid),
        [oid],
      );
      assert.equal(
        codeOf(() => checkCertificateProfile(constrained)),
        code,
      );
    }
  });

  test('a malformed nameConstraints: KER-PCM-001', () => {
    const malformed = forgeCertificate({
      ca: true,
      extraExtensions: [{ oid: '2.5.29.30', critical: false, value: Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x05) }],
    });
    const refusal = refusalOf(() => parseCertificate(malformed.der));
    assert.equal(refusal.code, 'KER-PCM-001');
    assert.match(refusal.message, /nameConstraints \(2\.5\.29\.30\)/);
  });

  test('the same unknown extension, not critical, is ignored', () => {
    const noted = forgeCertificate({ extraExtensions: [{ oid: '1.3.6.1.4.1.99999.7', critical: false, value: Uint8Array.of(0x05, 0x00) }] });
    assert.equal(parseCertificate(noted.der).version, 3);
  });

  test('extensions on a version 1 or 2 certificate: KER-PCM-001', () => {
    const extension = { oid: '1.3.6.1.4.1.99999.7', critical: false, value: Uint8Array.of(0x05, 0x00) };
    assert.equal(
      codeOf(() => parseForged({ version: 1, extraExtensions: [extension] })),
      'KER-PCM-001',
    );
    assert.equal(
      codeOf(() => parseForged({ version: 2, extraExtensions: [extension] })),
      'KER-PCM-001',
    );
  });

  test('an unknown version value (v4): KER-PCM-001', () => {
    assert.equal(
      codeOf(() => parseForged({ mutateTbs: (tbs) => (tbs.version = 3 as Version) })),
      'KER-PCM-001',
    );
  });

  test('pathLenConstraint without cA: KER-PCM-001', () => {
    const value = new Uint8Array(AsnConvert.serialize(new BasicConstraints({ cA: false, pathLenConstraint: 0 })));
    assert.equal(
      codeOf(() => parseForged({ ca: null, extraExtensions: [{ oid: '2.5.29.19', critical: true, value }] })),
      'KER-PCM-001',
    );
  });

  test('basicConstraints spelling out the DEFAULT cA FALSE is not DER: KER-PCM-101', () => {
    const value = Uint8Array.of(0x30, 0x03, 0x01, 0x01, 0x00);
    assert.equal(
      codeOf(() => parseForged({ ca: null, extraExtensions: [{ oid: '2.5.29.19', critical: false, value }] })),
      'KER-PCM-101',
    );
  });

  test('an unreadable keyUsage value: KER-PCM-001', () => {
    assert.equal(
      codeOf(() => parseForged({ keyUsage: null, extraExtensions: [{ oid: '2.5.29.15', critical: true, value: Uint8Array.of(0x04, 0x00) }] })),
      'KER-PCM-001',
    );
  });

  test('a keyUsage with no bit set: KER-PCM-001', () => {
    assert.equal(
      codeOf(() => parseForged({ keyUsage: null, extraExtensions: [{ oid: '2.5.29.15', critical: true, value: Uint8Array.of(0x03, 0x01, 0x00) }] })),
      'KER-PCM-001',
    );
  });

  test('an RSA key without the NULL parameters: KER-PCM-001', () => {
    const spki = new Uint8Array(forgeKeyPair('rsa2048').publicKey.export({ format: 'der', type: 'spki' }));
    // 30 82 01 22 | 30 0d 06 09 <rsaEncryption> 05 00 | 03 82 01 0f ... → drop the NULL and fix both lengths.
    const withoutNull = Buffer.concat([Uint8Array.of(0x30, 0x82, 0x01, 0x20, 0x30, 0x0b), spki.subarray(6, 17), spki.subarray(19)]);
    assert.equal(
      codeOf(() => parseForged({ subjectPublicKeyInfo: withoutNull })),
      'KER-PCM-001',
    );
  });

  test('an Ed25519 key of 31 bytes: KER-PCM-001', () => {
    const spki = new Uint8Array(forgeKeyPair('ed25519').publicKey.export({ format: 'der', type: 'spki' }));
    const short = Buffer.concat([Uint8Array.of(0x30, 0x29, 0x30, 0x05), spki.subarray(4, 9), Uint8Array.of(0x03, 0x20, 0x00), spki.subarray(12, 43)]);
    assert.equal(
      codeOf(() => parseForged({ subjectPublicKeyInfo: short })),
      'KER-PCM-001',
    );
  });
});

describe('parseCertificateData', () => {
  const [leafPem, intermediatePem, rootPem] = [CHAIN.leaf.pem, CHAIN.intermediate.pem, CHAIN.root.pem];
  const subjectsOf = (text: string) => parseCertificateData(text).map((cert) => cert.subject.text);

  test('one PEM certificate', () => {
    assert.deepEqual(subjectsOf(leafPem), ['CN=Parse Device,OU=Partner Systems,O=Parse Org,L=Bengaluru,ST=Karnataka,C=IN']);
  });

  test('two PEM certificates where one is expected: both are returned, in order (the caller refuses with KER-PCM-116)', () => {
    assert.deepEqual(subjectsOf(`${leafPem}${intermediatePem}`), [
      'CN=Parse Device,OU=Partner Systems,O=Parse Org,L=Bengaluru,ST=Karnataka,C=IN',
      'CN=Parse Org Intermediate CA,O=Parse Org,C=IN',
    ]);
  });

  test('CRLF line ends and whitespace around and between blocks are fine', () => {
    const text = `\r\n  ${leafPem.replace(/\n/g, '\r\n')}\r\n\t${rootPem}  \n`;
    assert.equal(parseCertificateData(text).length, 2);
  });

  test('base64 of one DER certificate, standard and URL-safe, padded or not', () => {
    for (const text of [Buffer.from(CHAIN.root.der).toString('base64'), Buffer.from(CHAIN.root.der).toString('base64url')]) {
      assert.deepEqual(subjectsOf(text), ['CN=Parse Org Root CA,O=Parse Org,C=IN']);
    }
  });

  test('URL-safe base64 of a DER P7B (as MOSIP sends it), certificates in the order given', () => {
    const p7b = encodeCertsOnlyPkcs7([CHAIN.leaf.der, CHAIN.intermediate.der, CHAIN.root.der]);
    assert.deepEqual(subjectsOf(Buffer.from(p7b).toString('base64url')), [
      'CN=Parse Device,OU=Partner Systems,O=Parse Org,L=Bengaluru,ST=Karnataka,C=IN',
      'CN=Parse Org Intermediate CA,O=Parse Org,C=IN',
      'CN=Parse Org Root CA,O=Parse Org,C=IN',
    ]);
  });

  test('a PEM PKCS7 block', () => {
    const p7b = encodeCertsOnlyPkcs7([CHAIN.intermediate.der, CHAIN.root.der]);
    assert.equal(parseCertificateData(pkcs7Pem(p7b)).length, 2);
  });

  test('a BER (indefinite-length) P7B like BouncyCastle writes', () => {
    const ber = berCertsOnlyPkcs7([CHAIN.leaf.der, CHAIN.root.der]);
    assert.deepEqual(decodeCertsOnlyPkcs7(ber), [CHAIN.leaf.der, CHAIN.root.der]);
    assert.equal(parseCertificateData(Buffer.from(ber).toString('base64url')).length, 2);
  });

  test('empty or blank: KER-PCM-001', () => {
    assert.equal(
      codeOf(() => parseCertificateData('')),
      'KER-PCM-001',
    );
    assert.equal(
      codeOf(() => parseCertificateData(' \r\n\t ')),
      'KER-PCM-001',
    );
  });

  test('junk outside the PEM blocks: KER-PCM-001', () => {
    assert.equal(
      codeOf(() => parseCertificateData(`subject=CN=Parse Device\n${leafPem}`)),
      'KER-PCM-001',
    );
    assert.equal(
      codeOf(() => parseCertificateData(`${leafPem}garbage`)),
      'KER-PCM-001',
    );
  });

  test('PEM headers, mismatched labels, other labels, base64url inside PEM: KER-PCM-001', () => {
    const body = leafPem.split('\n').slice(1, -2).join('\n');
    for (const text of [
      `-----BEGIN CERTIFICATE-----\nProc-Type: 4,ENCRYPTED\n\n${body}\n-----END CERTIFICATE-----\n`,
      `-----BEGIN CERTIFICATE-----\n${body}\n-----END PKCS7-----\n`,
      `-----BEGIN TRUSTED CERTIFICATE-----\n${body}\n-----END TRUSTED CERTIFICATE-----\n`,
      `-----BEGIN CERTIFICATE-----\n${Buffer.from(CHAIN.leaf.der).toString('base64url')}\n-----END CERTIFICATE-----\n`,
    ]) {
      assert.equal(
        codeOf(() => parseCertificateData(text)),
        'KER-PCM-001',
        text.slice(0, 60),
      );
    }
  });

  test('CERTIFICATE and PKCS7 blocks mixed: KER-PCM-001', () => {
    assert.equal(
      codeOf(() => parseCertificateData(`${leafPem}${pkcs7Pem(encodeCertsOnlyPkcs7([CHAIN.root.der]))}`)),
      'KER-PCM-001',
    );
  });

  test('not base64: KER-PCM-001', () => {
    const base64 = Buffer.from(CHAIN.root.der).toString('base64');
    for (const text of [
      'this is not a certificate',
      `${base64.slice(0, 100)}*${base64.slice(100)}`,
      `${base64.slice(0, 100)}-${base64.slice(100)}`, // both alphabets at once
      `${base64}=`, // padding that does not belong
    ]) {
      assert.equal(
        codeOf(() => parseCertificateData(text)),
        'KER-PCM-001',
        text.slice(0, 40),
      );
    }
  });

  test('non-canonical base64 (the last character carries stray bits) of a real certificate: KER-PCM-001', () => {
    let der = CHAIN.root.der;
    while (der.length % 3 === 0) der = forgeCertificate({ subject: `CN=Padding ${der.length},O=Parse Org` }).der;
    const canonical = Buffer.from(der).toString('base64');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const last = canonical.replace(/=+$/, '').length - 1;
    const stray = canonical.slice(0, last) + alphabet[alphabet.indexOf(canonical[last]!) | 1] + canonical.slice(last + 1);
    assert.deepEqual(new Uint8Array(Buffer.from(stray, 'base64')), der); // Buffer's lenient decoder takes it
    assert.equal(parseCertificateData(canonical).length, 1);
    assert.equal(
      codeOf(() => parseCertificateData(stray)),
      'KER-PCM-001',
    );
  });

  test('text over the size cap: KER-PCM-102, before anything is parsed', () => {
    assert.equal(
      codeOf(() => parseCertificateData(`${leafPem}${' '.repeat(1024 * 1024)}`)),
      'KER-PCM-102',
    );
    assert.equal(
      codeOf(() => parseCertificateData('x'.repeat(2001), { maxBytes: 2000 })),
      'KER-PCM-102',
    );
  });

  test('eleven PEM certificates: KER-PCM-103, counted before any is parsed', () => {
    assert.equal(
      codeOf(() => parseCertificateData(leafPem.repeat(11))),
      'KER-PCM-103',
    );
    const broken = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
    assert.equal(
      codeOf(() => parseCertificateData(broken.repeat(11))),
      'KER-PCM-103',
    );
    assert.equal(
      codeOf(() => parseCertificateData(leafPem.repeat(3), { maxCertificates: 2 })),
      'KER-PCM-103',
    );
  });

  test('a P7B of eleven certificates: KER-PCM-103', () => {
    const p7b = encodeCertsOnlyPkcs7(Array.from({ length: 11 }, () => CHAIN.root.der));
    assert.equal(
      codeOf(() => parseCertificateData(Buffer.from(p7b).toString('base64url'))),
      'KER-PCM-103',
    );
  });

  test('a P7B holding no certificate: KER-PCM-001', () => {
    assert.equal(
      codeOf(() => parseCertificateData(pkcs7Pem(encodeCertsOnlyPkcs7([])))),
      'KER-PCM-001',
    );
  });

  test('a P7B whose second certificate is BER: KER-PCM-101, naming certificate 2 of 2', () => {
    const ber = berCertsOnlyPkcs7([CHAIN.leaf.der, withLongFormOuterLength(CHAIN.root.der)]);
    const refusal = refusalOf(() => parseCertificateData(Buffer.from(ber).toString('base64')));
    assert.equal(refusal.code, 'KER-PCM-101');
    assert.match(refusal.message, /\(certificate 2 of 2\)$/);
  });

  test('a signed PKCS#7 (signerInfos present) is not a certificate bundle: KER-PCM-001', () => {
    const signed = berCertsOnlyPkcs7([CHAIN.root.der], Uint8Array.of(0x30, 0x00));
    assert.equal(
      codeOf(() => decodeCertsOnlyPkcs7(signed)),
      'KER-PCM-001',
    );
  });

  test('PKCS#7 that is not SignedData, or truncated: KER-PCM-001', () => {
    const p7b = encodeCertsOnlyPkcs7([CHAIN.root.der]);
    const notSignedData = Buffer.from(p7b);
    notSignedData[14] = 0x03; // id-envelopedData
    assert.equal(
      codeOf(() => decodeCertsOnlyPkcs7(notSignedData)),
      'KER-PCM-001',
    );
    assert.equal(
      codeOf(() => decodeCertsOnlyPkcs7(p7b.subarray(0, p7b.length - 3))),
      'KER-PCM-001',
    );
  });
});

describe('PEM and PKCS#7 output', () => {
  const certificates = [CHAIN.leaf.der, CHAIN.intermediate.der, CHAIN.root.der];

  test('certificatePem: 64-character lines, a final newline, and it reads back', () => {
    const pem = certificatePem(CHAIN.leaf.der);
    const lines = pem.split('\n');
    assert.equal(lines[0], '-----BEGIN CERTIFICATE-----');
    assert.equal(lines.at(-2), '-----END CERTIFICATE-----');
    assert.equal(lines.at(-1), '');
    assert.ok(lines.slice(1, -3).every((line) => line.length === 64));
    assert.equal(pem, pemOf('CERTIFICATE', CHAIN.leaf.der));
    assert.deepEqual(parseCertificateData(pem)[0]!.der, CHAIN.leaf.der);
  });

  test('P7B round trip: the same certificates, byte for byte, in order', () => {
    assert.deepEqual(decodeCertsOnlyPkcs7(encodeCertsOnlyPkcs7(certificates)), certificates);
  });

  test('pkcs7Pem: 64-character lines, no newline after END (as MOSIP writes it)', () => {
    const pem = pkcs7Pem(encodeCertsOnlyPkcs7(certificates));
    const lines = pem.split('\n');
    assert.equal(lines[0], '-----BEGIN PKCS7-----');
    assert.equal(lines.at(-1), '-----END PKCS7-----');
    assert.ok(lines.slice(1, -2).every((line) => line.length === 64));
  });

  test('openssl pkcs7 -print_certs reads pkcs7Pem output, certificates in order', () => {
    const result = spawnSync('openssl', ['pkcs7', '-print_certs', '-noout'], { input: pkcs7Pem(encodeCertsOnlyPkcs7(certificates)) });
    assert.equal(result.status, 0, result.stderr.toString());
    const subjects = result.stdout
      .toString()
      .split('\n')
      .filter((line) => line.startsWith('subject='));
    assert.deepEqual(subjects, [
      'subject=C = IN, ST = Karnataka, L = Bengaluru, O = Parse Org, OU = Partner Systems, CN = Parse Device',
      'subject=C = IN, O = Parse Org, CN = Parse Org Intermediate CA',
      'subject=C = IN, O = Parse Org, CN = Parse Org Root CA',
    ]);
  });

  test('a P7B written by openssl crl2pkcs7 decodes to the same certificates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'x509-pkcs7-'));
    try {
      const files = certificates.map((der, index) => {
        const file = join(dir, `${index}.pem`);
        writeFileSync(file, certificatePem(der));
        return file;
      });
      const result = spawnSync('openssl', ['crl2pkcs7', '-nocrl', ...files.flatMap((file) => ['-certfile', file]), '-outform', 'DER']);
      assert.equal(result.status, 0, result.stderr.toString());
      assert.deepEqual(decodeCertsOnlyPkcs7(new Uint8Array(result.stdout)), certificates);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function basicConstraints(cA: boolean): Uint8Array {
  return new Uint8Array(AsnConvert.serialize(new BasicConstraints({ cA })));
}

/**
 * A certs-only SignedData in BER with indefinite lengths on every constructed element around the certificates, the
 * shape BouncyCastle's CMSSignedDataGenerator produces. `signerInfo` puts one (dummy) entry in signerInfos.
 */
function berCertsOnlyPkcs7(certificates: Uint8Array[], signerInfo?: Uint8Array): Uint8Array {
  const END = Uint8Array.of(0, 0);
  const signedDataOid = Uint8Array.of(0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02);
  const dataOid = Uint8Array.of(0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01);
  const signerInfos = signerInfo ? Buffer.concat([Uint8Array.of(0x31, signerInfo.length), signerInfo]) : Uint8Array.of(0x31, 0x00);
  return Buffer.concat([
    Uint8Array.of(0x30, 0x80),
    signedDataOid,
    Uint8Array.of(0xa0, 0x80, 0x30, 0x80),
    Uint8Array.of(0x02, 0x01, 0x01), // version
    Uint8Array.of(0x31, 0x00), // digestAlgorithms
    Uint8Array.of(0x30, 0x80),
    dataOid,
    END, // encapContentInfo
    Uint8Array.of(0xa0, 0x80),
    ...certificates,
    END, // certificates
    signerInfos,
    END, // SignedData
    END, // [0]
    END, // ContentInfo
  ]);
}
