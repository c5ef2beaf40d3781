import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CertificateChoices,
  CertificateSet,
  CMSVersion,
  ContentInfo,
  DigestAlgorithmIdentifiers,
  EncapsulatedContentInfo,
  id_data,
  id_signedData,
  SignedData,
  SignerInfos,
} from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import { AttributeTypeAndValue, AttributeValue, Certificate, Name, RelativeDistinguishedName } from '@peculiar/asn1-x509';
import { firstAttribute, parseCertificate } from '../../functions/domain/certificates/x509/parse-certificate.js';
import { certificatePem } from '../../functions/domain/certificates/x509/pem.js';
import { decodeCertsOnlyPkcs7, encodeCertsOnlyPkcs7 } from '../../functions/domain/certificates/x509/pkcs7.js';
import { readStoredCertificate } from '../../functions/domain/certificates/x509/stored-certificate.js';
import { CERTIFICATE_ERRORS } from '../../functions/errors/certificate-errors.js';
import { PmsError } from '../../functions/errors/pms-error.js';
import { type ForgeOptions, forgeCertificate, forgeTrustChain, withIndefiniteOuterLength } from '../../local/certificate-forge.js';

// The certificate readers (partnerCertificatesDetails, downloadTrustPath) read stored certificates with node:crypto
// instead of parseCertificate, and write the trust path's P7B by hand instead of with asn1-cms (issue #18). These
// tests hold them to the answers of the code they replace.

/** A subject of one RDN per given value, each as the given ASN.1 string type. */
function subjectOf(attributes: { oid: string; value: AttributeValue }[]): (tbs: { subject: Name }) => void {
  return (tbs) => {
    tbs.subject = new Name(attributes.map(({ oid, value }) => new RelativeDistinguishedName([new AttributeTypeAndValue({ type: oid, value })])));
  };
}

const CN = '2.5.4.3';
const CASES: Record<string, ForgeOptions> = {
  plain: { subject: 'CN=Bank One signer,OU=Payments,O=Bank One,L=Bengaluru,ST=Karnataka,C=IN' },
  'no CN': { subject: 'O=No Common Name,C=IN' },
  'repeated CN (the last one encoded counts)': { subject: 'CN=Last,CN=Middle,O=x,CN=First' },
  'multi-valued RDN': { subject: 'CN=First+CN=Second,CN=Third,O=x' },
  'RFC 4514 specials and edge spaces': { subject: 'CN= lead\\,ing\\+ "q"\\; <a> \\\\ ,O=a\\+b=c;d' },
  'a leading #': { subject: 'CN=#hash,O=x' },
  'non-ASCII, astral, control characters': { subject: 'CN=日本語 😀 \u0000 nul\nnl\u007f,O=x' },
  'UTCTime boundary': { notBefore: new Date('2049-12-31T23:59:59Z'), notAfter: new Date('2050-01-01T00:00:00Z') },
  'GeneralizedTime, far years': { notBefore: new Date('1950-01-01T00:00:00Z'), notAfter: new Date('9999-12-31T23:59:59Z') },
  'milliseconds given': { notBefore: new Date('2026-02-28T23:59:59.999Z'), notAfter: new Date('2060-02-29T12:00:00.250Z') },
  'single-digit day': { notBefore: new Date('2026-03-01T01:02:03Z'), notAfter: new Date('2026-12-09T00:00:00Z') },
  'PrintableString, IA5String, BMPString and TeletexString CNs': {
    mutateTbs: subjectOf([
      { oid: CN, value: new AttributeValue({ printableString: 'Printable' }) },
      { oid: CN, value: new AttributeValue({ ia5String: 'ia5@example.org' }) },
      { oid: CN, value: new AttributeValue({ bmpString: 'BMP ñ 日本' }) },
      { oid: '2.5.4.10', value: new AttributeValue({ teletexString: 'Teletex' }) },
    ]),
  },
  BMPString: { mutateTbs: subjectOf([{ oid: CN, value: new AttributeValue({ bmpString: 'BMP ñ 日本' }) }]) },
  TeletexString: { mutateTbs: subjectOf([{ oid: CN, value: new AttributeValue({ teletexString: 'Tèletex' }) }]) },
  UniversalString: { mutateTbs: subjectOf([{ oid: CN, value: new AttributeValue({ universalString: 'Universal ñ' }) }]) },
};

describe('readStoredCertificate gives what parseCertificate gave the readers', () => {
  for (const [name, options] of Object.entries(CASES)) {
    test(name, () => {
      const forged = forgeCertificate(options);
      const parsed = parseCertificate(forged.der);
      const read = readStoredCertificate(certificatePem(parsed.der));
      assert.deepEqual(read, {
        der: parsed.der,
        commonName: firstAttribute(parsed.subject, 'CN'),
        notBefore: parsed.notBefore,
        notAfter: parsed.notAfter,
      });
    });
  }

  test('the PEM as stored by the uploads and the PMS CA, and the first of several', () => {
    const chain = forgeTrustChain({ organization: 'Stored Org', commonName: 'Stored Device' });
    const read = readStoredCertificate(chain.leaf.pem + chain.root.pem);
    assert.deepEqual(read.der, chain.leaf.der);
    assert.equal(read.commonName, 'Stored Device');
  });

  test('text that is no certificate is refused as parsing refuses it (KER-PCM-001)', () => {
    for (const text of ['', 'not a certificate', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n']) {
      assert.throws(
        () => readStoredCertificate(text),
        (error) => error instanceof PmsError && error.code === CERTIFICATE_ERRORS.INVALID_CERTIFICATE.code,
      );
    }
  });
});

/** What encodeCertsOnlyPkcs7 was before issue #18: the same SignedData written with @peculiar/asn1-cms. */
function asn1CmsPkcs7(ders: Uint8Array[]): Uint8Array {
  const signedData = new SignedData({
    version: CMSVersion.v1,
    digestAlgorithms: new DigestAlgorithmIdentifiers(),
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: id_data }),
    certificates: new CertificateSet(ders.map((der) => new CertificateChoices({ certificate: AsnConvert.parse(der, Certificate) }))),
    signerInfos: new SignerInfos(),
  });
  return new Uint8Array(AsnConvert.serialize(new ContentInfo({ contentType: id_signedData, content: AsnConvert.serialize(signedData) })));
}

describe('encodeCertsOnlyPkcs7 writes the bytes asn1-cms wrote', () => {
  const chain = forgeTrustChain({ organization: 'P7B Org', commonName: 'P7B Device' });
  const small = forgeCertificate({ key: 'p256' }).der;
  const cases: Record<string, Uint8Array[]> = {
    'no certificate': [],
    'one (a short one)': [small],
    'a chain, in order': [chain.leaf.der, chain.intermediate.der, chain.root.der],
    'root first, repeated': [chain.root.der, chain.root.der, chain.leaf.der],
    'long enough for multi-octet lengths': Array.from({ length: 60 }, () => chain.root.der),
  };
  for (const [name, ders] of Object.entries(cases)) {
    test(name, () => {
      const encoded = encodeCertsOnlyPkcs7(ders);
      assert.equal(Buffer.from(encoded).toString('hex'), Buffer.from(asn1CmsPkcs7(ders)).toString('hex'));
      assert.deepEqual(decodeCertsOnlyPkcs7(encoded), ders);
    });
  }

  test('anything but one DER SEQUENCE per certificate is a programming error', () => {
    assert.throws(() => encodeCertsOnlyPkcs7([chain.root.der.subarray(0, 40)]), /certificate 1 is not one DER SEQUENCE/);
    assert.throws(() => encodeCertsOnlyPkcs7([chain.root.der, Uint8Array.of(0x02, 0x01, 0x01)]), /certificate 2 is not one DER SEQUENCE/);
    assert.throws(() => encodeCertsOnlyPkcs7([withIndefiniteOuterLength(chain.root.der)]), /certificate 1 is not one DER SEQUENCE/);
  });
});
