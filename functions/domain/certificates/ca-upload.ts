import { CERTIFICATE_ERRORS } from '../../errors/certificate-errors.js';
import { PmsError, UniqueConstraintError } from '../../errors/pms-error.js';
import { type AuditEntry, auditEntry } from '../audit.js';
import type { Caller } from '../caller.js';
import { localDateTime } from '../mosip-dates.js';
import { type PartnerDomain, partnerDomainOf } from './partner-domains.js';
import type { CaUploadDeps } from './ports.js';
import type { CaCertificate } from './stored-certificates.js';
import { recordOf, type TrustedCertificate, trustedCertificates, trustStoreOf } from './trust-store.js';
import { checkCaRemainingValidity, checkCurrentlyValid } from './upload-dates.js';
import { sameBytes } from './x509/bytes.js';
import { parseCertificateData } from './x509/certificate-data.js';
import { checkCertificateProfile } from './x509/certificate-profile.js';
import { checkCaCertificate, checkRootKeyIdentifiers, isSelfSigned } from './x509/certificate-roles.js';
import type { ParsedCertificate } from './x509/parsed-certificate.js';
import { validatePath } from './x509/path-validation.js';
import { certificatePem } from './x509/pem.js';

export interface CaUploadRequest {
  certificateData: string;
  partnerDomain: string;
}

const UPLOAD_SUCCESS = 'Upload Success.';
/** Keymanager reads PEM first, then URL-safe base64 of a P7B: text that is neither fails the base64 decoding. */
const UNREADABLE_CA_DATA = { text: CERTIFICATE_ERRORS.DATA_NOT_BASE64, der: CERTIFICATE_ERRORS.INVALID_CERTIFICATE };
const PARTIAL_UPLOAD_SUCCESS = 'Partial Upload Success.';

/**
 * `POST /partners/certificate/ca/upload` (keymanager uploadCACertificate): one certificate, or a
 * chain (PEM blocks or P7B) handled certificate by certificate, issuers first. Each certificate passes MOSIP's rules
 * in MOSIP's order (duplicate in the domain, future-dated, valid now, the configured months left, version 3) and
 * ours (algorithm and key policy, cA and keyCertSign); a self-signed one becomes a ROOT, any other must chain to a
 * root of the same domain (RFC 5280 path validation) and becomes an INTERMEDIATE. With one certificate a failure is
 * its error; with several, the accepted ones are stored ("Partial Upload Success.") and, when none is, the first
 * error is returned (MOSIP answers "Upload Failed." without saying why). Everything accepted is stored in one
 * transaction.
 */
export async function uploadCaCertificates(deps: CaUploadDeps, caller: Caller, request: CaUploadRequest) {
  const uploaded = parseCertificateData(request.certificateData, { unreadable: UNREADABLE_CA_DATA });
  const domain = partnerDomainOf(request.partnerDomain);
  const now = deps.clock.now();
  const trusted = trustedCertificates(await deps.certificates.caCertificatesOfDomain(domain));

  const accepted: TrustedCertificate[] = [];
  const failures: PmsError[] = [];
  for (const cert of issuersFirst(uploaded)) {
    try {
      accepted.push({ parsed: cert, record: checkedCaCertificate(deps, caller, cert, domain, [...trusted, ...accepted], now) });
    } catch (error) {
      if (!(error instanceof PmsError)) throw error;
      failures.push(error);
    }
  }
  if (accepted.length === 0) throw failures[0]!;

  const records = accepted.map(({ record }) => record);
  const audits: AuditEntry[] = records.map((record) =>
    auditEntry(caller.userId, 'uploadCaCertificate', 'CaCertificate', record.certId, now, {
      partnerDomain: domain,
      caCertificateType: record.caCertificateType,
    }),
  );
  try {
    await deps.certificates.storeCaCertificates(records, audits);
  } catch (error) {
    if (error instanceof UniqueConstraintError) throw new PmsError(CERTIFICATE_ERRORS.CERTIFICATE_EXISTS);
    throw error;
  }
  return { status: failures.length === 0 ? UPLOAD_SUCCESS : PARTIAL_UPLOAD_SUCCESS, timestamp: localDateTime(now.toISOString()) };
}

function checkedCaCertificate(
  deps: CaUploadDeps,
  caller: Caller,
  cert: ParsedCertificate,
  domain: PartnerDomain,
  trusted: TrustedCertificate[],
  now: Date,
): CaCertificate {
  if (trusted.some(({ record }) => record.thumbprintSha1 === cert.thumbprintSha1)) {
    throw new PmsError(CERTIFICATE_ERRORS.CERTIFICATE_EXISTS, ` (${cert.subject.text})`);
  }
  checkCurrentlyValid(cert, now);
  checkCaRemainingValidity(cert, now, deps.minimumValidity.caMonths);
  checkCaCertificate(cert);
  checkCertificateProfile(cert);
  const certId = deps.ids.newId();
  let type: CaCertificate['caCertificateType'] = 'ROOT';
  let issuerId = certId;
  if (isSelfSigned(cert)) {
    checkRootKeyIdentifiers(cert);
  } else {
    const { chain } = validatePath(cert, trustStoreOf(trusted), { at: now, missingPathError: CERTIFICATE_ERRORS.ROOT_CA_NOT_FOUND });
    type = 'INTERMEDIATE';
    issuerId = recordOf(trusted, chain[1]!)!.certId;
  }
  return {
    certId,
    partnerDomain: domain,
    caCertificateType: type,
    issuerId,
    subject: cert.subject.text,
    issuer: cert.issuer.text,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    thumbprintSha1: cert.thumbprintSha1,
    thumbprintSha256: cert.thumbprintSha256,
    serialNumber: cert.serialNumberHex,
    pem: certificatePem(cert.der),
    uploadedBy: caller.userId,
    uploadTime: now.toISOString(),
  };
}

/**
 * Orders an uploaded chain so that each certificate comes after its issuer when the issuer is in the same upload
 * (MOSIP reverses a P7B, which works only for P7Bs in leaf-to-root order).
 */
function issuersFirst(certs: readonly ParsedCertificate[]): ParsedCertificate[] {
  const depth = (cert: ParsedCertificate, seen: Set<ParsedCertificate>): number => {
    if (sameBytes(cert.issuer.der, cert.subject.der) || seen.has(cert)) return 0;
    const issuer = certs.find((other) => other !== cert && sameBytes(other.subject.der, cert.issuer.der));
    return issuer ? 1 + depth(issuer, new Set([...seen, cert])) : 0;
  };
  return certs
    .map((cert) => ({ cert, depth: depth(cert, new Set()) }))
    .sort((a, b) => a.depth - b.depth)
    .map(({ cert }) => cert);
}
