import type { PartnerDomain } from '../certificates/partner-domains.js';
import type { UploadedCertificate } from '../certificates/stored-certificates.js';
import { type AuditColumns, derivedStatus } from '../devices/approval.js';
import type { Partner } from '../partners/partner.js';

/** MOSIP's chip states: a new chip waits for its certificate, then for a partner admin's decision. */
export type ChipApprovalStatus = 'pending_cert_upload' | 'pending_approval' | 'approved' | 'rejected';
/** What MOSIP's lists show: an approved chip that is no longer active is `deactivated`. */
export type ChipStatus = ChipApprovalStatus | 'deactivated';

export const CHIP_STATUSES: readonly ChipStatus[] = ['pending_cert_upload', 'pending_approval', 'approved', 'rejected', 'deactivated'];

/** The chip's current certificate, as the chip item carries it (the uploads themselves are ChipCertificate items). */
export interface ChipCertificateSummary {
  certificateId: string;
  /** The trust domain it was validated in (FTM or DEVICE). */
  partnerDomain: PartnerDomain;
  /** Subject and issuer of the uploaded certificate, its CN, validity and SHA-256 thumbprint. */
  subject: string;
  issuer: string;
  issuedTo: string;
  notBefore: string;
  notAfter: string;
  thumbprintSha256: string;
  /** Validity of the certificate PMS issued for it. */
  signedNotBefore: string;
  signedNotAfter: string;
  uploadTime: string;
}

/**
 * An FTM (foundational trust module) chip of an FTM provider (MOSIP `ftp_chip_detail`): a make and model whose
 * certificate PMS validates against the FTM trust store and re-signs.
 */
export interface FtmChip extends AuditColumns {
  /** Numeric, as MOSIP's `mosip.pms.ftm.id.regex` (`^[0-9]{1,36}$`) requires. */
  id: string;
  ftpProviderId: string;
  make: string;
  model: string;
  approvalStatus: ChipApprovalStatus;
  isActive: boolean;
  certificate: ChipCertificateSummary | null;
}

/** One upload of a chip's certificate (MOSIP keeps it as a partner certificate under the chip's id). */
export interface ChipCertificate extends UploadedCertificate {
  certId: string;
  partnerDomain: PartnerDomain;
  ftmId: string;
  ftpProviderId: string;
}

export const FTM_CHIP_AUDIT_TYPE = 'FtmChip';
/** MOSIP's partner type of FTM providers, the only partners with chips. */
export const FTM_PROVIDER_TYPE = 'FTM_Provider';

export function isFtmProvider(partner: Pick<Partner, 'partnerType'>): boolean {
  return partner.partnerType === FTM_PROVIDER_TYPE;
}

/** Not rejected and not deactivated: a chip that still holds its make and model. */
export function isLiveChip(chip: Pick<FtmChip, 'approvalStatus' | 'isActive'>): boolean {
  const status = derivedStatus(chip);
  return status !== 'rejected' && status !== 'deactivated';
}

/** An approved, active chip with a certificate: the one whose certificate expiry is told (MOSIP's FTM expiry job). */
export function chipCertificateInService(chip: FtmChip): ChipCertificateSummary | null {
  return chip.approvalStatus === 'approved' && chip.isActive ? chip.certificate : null;
}
