/**
 * The certificate issuer as it was before issue #18's DER writer: the same TBSCertificate built with
 * @peculiar/asn1-x509. Kept as the oracle of test/unit/der-issuer-differential.test.ts (same request, same
 * deterministic signer, same bytes); nothing in functions/ may import it.
 */
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { id_ecdsaWithSHA256 } from '@peculiar/asn1-ecc';
import { id_sha256WithRSAEncryption } from '@peculiar/asn1-rsa';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  Extension,
  Extensions,
  id_ce_authorityKeyIdentifier,
  id_ce_basicConstraints,
  id_ce_keyUsage,
  id_ce_subjectKeyIdentifier,
  KeyIdentifier,
  KeyUsage,
  KeyUsageFlags,
  Name,
  RelativeDistinguishedName,
  SubjectKeyIdentifier,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version,
} from '@peculiar/asn1-x509';
import type { CertificateToIssue, KeyUsageName, SubjectAttribute, SubjectAttributeType } from '../../functions/domain/certificates/certificate-issuer.js';
import type { CertificateSigner, SigningAlgorithm } from '../../functions/domain/certificates/signer.js';
import { MAX_SERIAL_OCTETS } from '../../functions/domain/certificates/x509/certificate-profile.js';
import { CERTIFICATE_ERRORS } from '../../functions/errors/certificate-errors.js';
import { PmsError } from '../../functions/errors/pms-error.js';

const ATTRIBUTE_OIDS: Record<SubjectAttributeType, string> = {
  C: '2.5.4.6',
  ST: '2.5.4.8',
  L: '2.5.4.7',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  CN: '2.5.4.3',
};

/**
 * Built from the OIDs: @peculiar/asn1-rsa 2.11.1's ready-made `sha256WithRSAEncryption` carries the
 * sha512-256WithRSAEncryption OID (1.2.840.113549.1.1.16). RSA's parameters are NULL, ECDSA's absent (RFC 4055, 5758).
 */
const SIGNATURE_ALGORITHMS: Record<SigningAlgorithm, AlgorithmIdentifier> = {
  RSASSA_PKCS1_V1_5_SHA_256: new AlgorithmIdentifier({ algorithm: id_sha256WithRSAEncryption, parameters: null }),
  ECDSA_SHA_256: new AlgorithmIdentifier({ algorithm: id_ecdsaWithSHA256 }),
};

/** X.520 PrintableString; RFC 5280 requires it for countryName. */
const PRINTABLE_STRING = /^[A-Za-z0-9 '()+,\-./:=?]+$/;

/**
 * Builds the TBSCertificate (v3, SKI, AKI, BC critical, KU critical), signs SHA-256(TBS) with the signer, assembles
 * the certificate and verifies it with node:crypto against the issuer's public key before returning it; a signer that
 * produced a bad signature (e.g. a wrong ECDSA encoding) makes this throw instead of storing a corrupt certificate.
 *
 * The certificate is assembled here rather than by a certificate generator, so a signer's output goes into
 * signatureValue untouched: KMS's DER ECDSA signature is exactly the Ecdsa-Sig-Value X.509 expects, and no
 * DER-to-P1363 conversion is needed (@peculiar/x509's generator slices raw r‖s from the signature, so a DER
 * signature gives it a silently corrupt certificate). Times are whole seconds.
 */
export async function oracleIssueCertificate(request: CertificateToIssue, signer: CertificateSigner): Promise<Uint8Array> {
  assertSerialNumber(request.serialNumber);
  const validity = { notBefore: wholeSeconds(request.notBefore), notAfter: wholeSeconds(request.notAfter) };
  if (!(validity.notBefore < validity.notAfter)) throw new Error('notBefore must be before notAfter');
  const subjectKey = parseSubjectPublicKeyInfo(request.subjectPublicKeyInfo);
  const subjectKeyId = keyIdentifier(subjectKey);
  const issuer = request.issuerCertificate ? issuerOf(request.issuerCertificate, validity) : { name: nameOf(request.subject), keyId: subjectKeyId };
  const signatureAlgorithm = SIGNATURE_ALGORITHMS[signer.algorithm];

  const tbsCertificate = new TBSCertificate({
    version: Version.v3,
    serialNumber: toArrayBuffer(request.serialNumber),
    signature: signatureAlgorithm,
    issuer: issuer.name,
    validity: new Validity(validity),
    subject: nameOf(request.subject),
    subjectPublicKeyInfo: subjectKey,
    extensions: new Extensions([
      extension(id_ce_basicConstraints, true, new BasicConstraints(request.basicConstraints)),
      extension(id_ce_keyUsage, true, keyUsage(request.keyUsage)),
      extension(id_ce_subjectKeyIdentifier, false, new SubjectKeyIdentifier(subjectKeyId)),
      extension(id_ce_authorityKeyIdentifier, false, new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(issuer.keyId) })),
    ]),
  });
  const digest = createHash('sha256')
    .update(new Uint8Array(AsnConvert.serialize(tbsCertificate)))
    .digest();
  const signatureValue = await signer.signDigest(digest);
  const der = new Uint8Array(AsnConvert.serialize(new Certificate({ tbsCertificate, signatureAlgorithm, signatureValue: toArrayBuffer(signatureValue) })));
  verifyIssued(der, request.issuerCertificate);
  return der;
}

function assertSerialNumber(serial: Uint8Array): void {
  const [first, second] = serial;
  if (first === undefined || serial.length > MAX_SERIAL_OCTETS) throw new Error(`a serial number has 1 to ${MAX_SERIAL_OCTETS} octets`);
  if (first & 0x80) throw new Error('a serial number must be positive');
  if (first === 0 && (second === undefined || (second & 0x80) === 0)) throw new Error('a serial number must be non-zero and minimally encoded');
}

/** The SPKI goes into the certificate byte for byte; one that does not survive a DER round trip is refused. */
function parseSubjectPublicKeyInfo(spki: Uint8Array): SubjectPublicKeyInfo {
  createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  const parsed = AsnConvert.parse(spki, SubjectPublicKeyInfo);
  if (!Buffer.from(AsnConvert.serialize(parsed)).equals(spki)) throw new Error('the SubjectPublicKeyInfo is not canonical DER');
  return parsed;
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING's value. */
function keyIdentifier(spki: SubjectPublicKeyInfo): ArrayBuffer {
  return toArrayBuffer(createHash('sha1').update(new Uint8Array(spki.subjectPublicKey)).digest());
}

function issuerOf(issuerDer: Uint8Array, validity: { notBefore: Date; notAfter: Date }): { name: Name; keyId: ArrayBuffer } {
  const { tbsCertificate } = AsnConvert.parse(issuerDer, Certificate);
  const issuerNotBefore = tbsCertificate.validity.notBefore.getTime();
  const issuerNotAfter = tbsCertificate.validity.notAfter.getTime();
  // A certificate valid past its issuer stops validating when the issuer expires: renew the CA instead (rotation runbook).
  if (validity.notBefore < issuerNotBefore || validity.notAfter > issuerNotAfter) {
    throw new Error(
      `the certificate's validity (${validity.notBefore.toISOString()} to ${validity.notAfter.toISOString()}) falls outside its issuer's (${issuerNotBefore.toISOString()} to ${issuerNotAfter.toISOString()})`,
    );
  }
  const ski = tbsCertificate.extensions?.find((candidate) => candidate.extnID === id_ce_subjectKeyIdentifier);
  const keyId = ski ? AsnConvert.parse(ski.extnValue, SubjectKeyIdentifier).buffer : keyIdentifier(tbsCertificate.subjectPublicKeyInfo);
  return { name: tbsCertificate.subject, keyId };
}

/**
 * One attribute per RDN, in the given order; countryName as PrintableString, everything else as UTF8String. The
 * values come from the partner's certificate, so one that cannot be encoded is the partner's error.
 */
function nameOf(attributes: SubjectAttribute[]): Name {
  if (attributes.length === 0) throw new Error('a certificate needs a subject');
  return new Name(
    attributes.map(({ type, value }) => {
      if (value.length === 0) throw new PmsError(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, ` Empty ${type} in the subject.`);
      if (type === 'C' && !PRINTABLE_STRING.test(value))
        throw new PmsError(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, ' The subject country is not a PrintableString.');
      const attributeValue = new AttributeValue(type === 'C' ? { printableString: value } : { utf8String: value });
      return new RelativeDistinguishedName([new AttributeTypeAndValue({ type: ATTRIBUTE_OIDS[type], value: attributeValue })]);
    }),
  );
}

function keyUsage(names: KeyUsageName[]): KeyUsage {
  if (names.length === 0) throw new Error('a certificate needs at least one key usage');
  return new KeyUsage(names.reduce((flags, name) => flags | KeyUsageFlags[name], 0));
}

function extension(extnID: string, critical: boolean, value: unknown): Extension {
  return new Extension({ extnID, critical, extnValue: new OctetString(AsnConvert.serialize(value)) });
}

/** Self-signed: the certificate's own key. Otherwise the issuer certificate must name, identify and allow it (keyCertSign). */
function verifyIssued(der: Uint8Array, issuerDer: Uint8Array | undefined): void {
  const certificate = new X509Certificate(der);
  const issuer = issuerDer ? new X509Certificate(issuerDer) : certificate;
  if (issuerDer && !certificate.checkIssued(issuer))
    throw new Error(
      'the issued certificate does not verify: the issuer certificate does not match its issuer name or key identifier, or may not sign certificates',
    );
  if (!certificate.verify(issuer.publicKey))
    throw new Error("the issued certificate does not verify: the signature does not verify with the issuer's public key");
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return new Uint8Array(bytes).buffer;
}

/** DER times carry whole seconds; comparing and encoding the truncated instants keeps both in step. */
function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
