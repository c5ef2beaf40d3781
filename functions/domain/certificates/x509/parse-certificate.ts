import { createHash } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, Version } from '@peculiar/asn1-x509';
import { CERTIFICATE_ERRORS } from '../../../errors/certificate-errors.js';
import { PmsError } from '../../../errors/pms-error.js';
import { bytesOf, parametersDer, sameBytes, toHex } from './bytes.js';
import { readExtensions } from './certificate-extensions.js';
import { distinguishedName } from './distinguished-name.js';
import type { ParsedCertificate } from './parsed-certificate.js';
import { describePublicKey, MalformedKeyError } from './public-key.js';
import { refusal } from './refusal.js';

export { firstAttribute } from './distinguished-name.js';

/** Real certificates are a few KiB; a cap keeps one upload from costing a large parse (OWASP API4, resource consumption). */
export const MAX_CERTIFICATE_BYTES = 16 * 1024;

const VERSIONS: Record<number, ParsedCertificate['version']> = { [Version.v1]: 1, [Version.v2]: 2, [Version.v3]: 3 };

/**
 * Parses one certificate strictly: canonical DER only (it must re-encode to exactly its input, so BER lengths,
 * trailing bytes and non-minimal encodings are refused and the thumbprints are those of the only valid encoding),
 * the same signature algorithm outside and inside the signed part, no duplicate extensions, no critical extension we
 * do not process. Versions 1 and 2 parse (the upload rules refuse them with KER-PCM-007) but must not carry
 * extensions. Throws PmsError only.
 */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  try {
    return parseStrictly(der);
  } catch (error) {
    if (error instanceof PmsError) throw error;
    if (error instanceof MalformedKeyError) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, `subject public key: ${error.message}`);
    // asn1-schema and asn1js fail with assorted errors on malformed input; to the caller they all mean "not a certificate".
    throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, 'not an X.509 certificate');
  }
}

function parseStrictly(der: Uint8Array): ParsedCertificate {
  if (der.length > MAX_CERTIFICATE_BYTES) throw refusal(CERTIFICATE_ERRORS.CERTIFICATE_TOO_LARGE, `${der.length} bytes, at most ${MAX_CERTIFICATE_BYTES}`);
  const certificate = AsnConvert.parse(der, Certificate);
  if (!sameBytes(new Uint8Array(AsnConvert.serialize(certificate)), der)) {
    throw refusal(CERTIFICATE_ERRORS.NOT_CANONICAL_DER, 'the certificate does not re-encode to the bytes received');
  }
  const tbs = certificate.tbsCertificate;
  const signatureAlgorithm = AsnConvert.serialize(certificate.signatureAlgorithm);
  if (!sameBytes(new Uint8Array(signatureAlgorithm), new Uint8Array(AsnConvert.serialize(tbs.signature)))) {
    throw refusal(CERTIFICATE_ERRORS.SIGNATURE_ALGORITHM_MISMATCH, `${certificate.signatureAlgorithm.algorithm} outside, ${tbs.signature.algorithm} inside`);
  }

  const version = VERSIONS[tbs.version];
  if (!version) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, `unknown version value ${tbs.version}`);
  if (version < 3 && tbs.extensions) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, `a version ${version} certificate cannot carry extensions`);
  if (version < 2 && (tbs.issuerUniqueID || tbs.subjectUniqueID))
    throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, 'a version 1 certificate cannot carry unique identifiers');
  if (tbs.extensions?.length === 0) throw refusal(CERTIFICATE_ERRORS.INVALID_CERTIFICATE, 'an empty extensions list');

  const ownDer = bytesOf(der);
  return {
    der: ownDer,
    tbsDer: bytesOf(certificate.tbsCertificateRaw ?? AsnConvert.serialize(tbs)),
    version,
    serialNumberHex: toHex(tbs.serialNumber),
    subject: distinguishedName(tbs.subject),
    issuer: distinguishedName(tbs.issuer),
    notBefore: tbs.validity.notBefore.getTime(),
    notAfter: tbs.validity.notAfter.getTime(),
    signatureAlgorithmOid: certificate.signatureAlgorithm.algorithm,
    signatureAlgorithmParameters: parametersDer(certificate.signatureAlgorithm.parameters),
    signatureValue: bytesOf(certificate.signatureValue),
    publicKey: describePublicKey(tbs.subjectPublicKeyInfo),
    ...readExtensions(tbs.extensions ?? []),
    thumbprintSha1: createHash('sha1').update(ownDer).digest('hex'),
    thumbprintSha256: createHash('sha256').update(ownDer).digest('hex'),
  };
}
