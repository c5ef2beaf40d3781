import { CERTIFICATE_ERRORS } from '../../errors/certificate-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import { type CertificateToIssue, type KeyUsageName, randomSerialNumber, type SubjectAttribute, type SubjectAttributeType } from './certificate-issuer.js';

/** MOSIP `issuer.certificate.duration.years` = 1, counted as 365 days. */
export const DEFAULT_RESIGNED_VALIDITY_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The subject attributes MOSIP rebuilds the re-signed certificate's subject from, in its order. */
const SUBJECT_ORDER: SubjectAttributeType[] = ['C', 'ST', 'L', 'O', 'OU', 'CN'];

/**
 * MOSIP's re-signing profile (keymanager PartnerCertificateManagerServiceImpl#reSignPartnerKey): the partner's key
 * and subject under the PMS issuing CA, valid from now for a year whatever the uploaded certificate says. cA=true
 * and keyCertSign are MOSIP's (its keymanager then treats the certificate as a CA); the issuing CA's
 * pathLenConstraint 0 keeps anything the partner signs out of PMS's hierarchy (pms-ca.ts).
 */
export function resignedPartnerCertificate(input: {
  subject: SubjectAttribute[];
  subjectPublicKeyInfo: Uint8Array;
  partnerDomain: string;
  issuerCertificate: Uint8Array;
  now: Date;
  validityDays?: number;
  serialNumber?: Uint8Array;
}): CertificateToIssue {
  const validityDays = input.validityDays ?? DEFAULT_RESIGNED_VALIDITY_DAYS;
  return {
    subject: mosipSubject(input.subject),
    subjectPublicKeyInfo: input.subjectPublicKeyInfo,
    issuerCertificate: input.issuerCertificate,
    notBefore: input.now,
    notAfter: new Date(input.now.getTime() + validityDays * DAY_MS),
    serialNumber: input.serialNumber ?? randomSerialNumber(),
    basicConstraints: { cA: true },
    keyUsage: keyUsageFor(input.partnerDomain),
  };
}

/** The first value of each of C, ST, L, O, OU, CN, in that order; the CN is mandatory (MOSIP fails the upload without it). */
function mosipSubject(attributes: SubjectAttribute[]): SubjectAttribute[] {
  const subject = SUBJECT_ORDER.flatMap((type) => attributes.find((attribute) => attribute.type === type) ?? []);
  if (!subject.some((attribute) => attribute.type === 'CN')) throw new PmsError(CERTIFICATE_ERRORS.SUBJECT_COMMON_NAME_MISSING);
  return subject;
}

/** MOSIP adds keyEncipherment (its `encKeyUsage`) for the AUTH domain only: data is encrypted to authentication partners. */
function keyUsageFor(partnerDomain: string): KeyUsageName[] {
  const usages: KeyUsageName[] = ['digitalSignature', 'keyCertSign'];
  return partnerDomain === 'AUTH' ? [...usages, 'keyEncipherment'] : usages;
}
