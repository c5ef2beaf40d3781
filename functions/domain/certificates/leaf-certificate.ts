import { normaliseName } from '../../adapters/dynamodb/keys.js';
import { CERTIFICATE_ERRORS } from '../../errors/certificate-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import { issueCertificate, type SubjectAttribute, type SubjectAttributeType } from './certificate-issuer.js';
import type { PartnerDomain } from './partner-domains.js';
import type { CertificateDeps } from './ports.js';
import { resignedPartnerCertificate } from './resigned-partner-certificate.js';
import type { UploadedCertificate } from './stored-certificates.js';
import { trustedCertificates, trustStoreOf } from './trust-store.js';
import { checkCurrentlyValid, checkPartnerRemainingValidity } from './upload-dates.js';
import { parseCertificateData } from './x509/certificate-data.js';
import { checkCertificateProfile } from './x509/certificate-profile.js';
import { checkEndEntityCertificate, isSelfSigned } from './x509/certificate-roles.js';
import { firstAttribute, parseCertificate } from './x509/parse-certificate.js';
import type { ParsedCertificate } from './x509/parsed-certificate.js';
import { validatePath } from './x509/path-validation.js';
import { certificatePem } from './x509/pem.js';

/**
 * An end-entity certificate that keymanager's uploadPartnerCertificate takes: a partner's own and an FTM chip's
 * alike (MOSIP sends both through it, a chip under its chip id).
 */

/** Keymanager reads a partner certificate as PEM only: whatever it cannot read is a parsing error. */
const UNREADABLE_PARTNER_DATA = { text: CERTIFICATE_ERRORS.CERTIFICATE_PARSING_ERROR, der: CERTIFICATE_ERRORS.CERTIFICATE_PARSING_ERROR };

const SUBJECT_TYPES: readonly string[] = ['C', 'ST', 'L', 'O', 'OU', 'CN'] satisfies SubjectAttributeType[];

/** The one certificate of `certificateData` (KER-KMS-013 unreadable, KER-PCM-116 not exactly one). */
export function readLeafCertificate(certificateData: string): ParsedCertificate {
  const certificates = parseCertificateData(certificateData, { unreadable: UNREADABLE_PARTNER_DATA });
  if (certificates.length !== 1) throw new PmsError(CERTIFICATE_ERRORS.SINGLE_CERTIFICATE_EXPECTED, ` (found ${certificates.length})`);
  return certificates[0]!;
}

/**
 * Keymanager's checks in its order (valid now, the configured days left, not self-signed, chains to the domain's
 * trust store, v3, O= is the owner's organisation, key and algorithm) plus ours (no CA certificate, RFC 5280 path
 * validation). Answers the validated path, the certificate first and its trust anchor last.
 */
export async function checkLeafCertificate(
  deps: Pick<CertificateDeps, 'certificates' | 'minimumValidity'>,
  cert: ParsedCertificate,
  domain: PartnerDomain,
  organizationName: string,
  now: Date,
): Promise<ParsedCertificate[]> {
  checkCurrentlyValid(cert, now);
  checkPartnerRemainingValidity(cert, now, deps.minimumValidity.partnerDays);
  if (isSelfSigned(cert)) throw new PmsError(CERTIFICATE_ERRORS.SELF_SIGNED_CERT_NOT_ALLOWED);
  checkEndEntityCertificate(cert);
  const trusted = trustedCertificates(await deps.certificates.caCertificatesOfDomain(domain));
  const path = validatePath(cert, trustStoreOf(trusted), { at: now, missingPathError: CERTIFICATE_ERRORS.ROOT_INTER_CA_NOT_FOUND });
  if (cert.version !== 3) throw new PmsError(CERTIFICATE_ERRORS.INVALID_CERT_VERSION);
  // MOSIP compares O= exactly; we compare it as organisation names are compared for uniqueness.
  const organization = firstAttribute(cert.subject, 'O');
  if (organization === null || normaliseName(organization) !== normaliseName(organizationName)) {
    throw new PmsError(CERTIFICATE_ERRORS.PARTNER_ORG_NOT_MATCH, ` (certificate O=${organization ?? '(none)'})`);
  }
  checkCertificateProfile(cert);
  return path.chain;
}

/** The certificate re-signed by the PMS issuing CA (MOSIP's re-signing profile), with the PMS CA it chains to. */
export async function resignLeafCertificate(deps: Pick<CertificateDeps, 'signing'>, cert: ParsedCertificate, domain: PartnerDomain, now: Date) {
  const [pmsCa, signer] = await Promise.all([deps.signing.pmsCa(), deps.signing.issuingSigner()]);
  const signedDer = await issueCertificate(
    resignedPartnerCertificate({
      subject: resigningSubject(cert),
      subjectPublicKeyInfo: cert.publicKey.spkiDer,
      partnerDomain: domain,
      issuerCertificate: pmsCa.issuing,
      now,
    }),
    signer,
  );
  return { signed: parseCertificate(signedDer), pmsCa };
}

/** The subject attributes MOSIP keeps when it re-signs (the re-signing profile keeps the first of each). */
export function resigningSubject(cert: ParsedCertificate): SubjectAttribute[] {
  return cert.subject.attributes
    .filter((attribute) => attribute.shortName !== null && SUBJECT_TYPES.includes(attribute.shortName))
    .map((attribute) => ({ type: attribute.shortName as SubjectAttributeType, value: attribute.value }));
}

/** What PMS keeps of an upload: the uploaded certificate and the one it issued, with who uploaded them and when. */
export function uploadedCertificate(cert: ParsedCertificate, signed: ParsedCertificate, uploadedBy: string, now: Date): UploadedCertificate {
  return {
    subject: cert.subject.text,
    issuer: cert.issuer.text,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    thumbprintSha256: cert.thumbprintSha256,
    originalPem: certificatePem(cert.der),
    signedPem: certificatePem(signed.der),
    signedNotAfter: signed.notAfter.toISOString(),
    uploadedBy,
    uploadTime: now.toISOString(),
  };
}
