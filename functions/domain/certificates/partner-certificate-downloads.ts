import { CERTIFICATE_ERRORS } from '../../errors/certificate-errors.js';
import { PARTNER_ERRORS } from '../../errors/partner-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import type { Caller } from '../caller.js';
import { localDateTime } from '../mosip-dates.js';
import { ownedPartners, partnerOf } from '../partners/ownership.js';
import type { Partner, PartnerCertificateSummary } from '../partners/partner.js';
import type { CertificateReadDeps } from './ports.js';
import { certificatePair } from './stored-certificates.js';

/**
 * `GET /partners/{partnerId}/certificate`: the MOSIP-signed certificate. MOSIP checks no ownership here; we do
 * (the caller's own partner, or any for an admin), like every other partner route.
 */
export async function getPartnerCertificate(deps: Pick<CertificateReadDeps, 'partners' | 'clock'>, caller: Caller, partnerId: string) {
  const partner = await partnerOf(deps.partners, caller, partnerId);
  const certificate = uploadedCertificate(partner);
  return { certificateData: certificate.signedPem, timestamp: localDateTime(deps.clock.now().toISOString()) };
}

/**
 * `GET /partners/{partnerId}/certificate-data` (PartnerServiceImpl#getPartnerCertificateData): the uploaded and the
 * MOSIP-signed certificate, each replaced by "" with its flag set once expired. MOSIP's order: the caller owns a
 * partner (PMS_CERTIFICATE_ERROR_002) and this one unless admin (…_007), a certificate is uploaded (PMS_PRT_108),
 * the partner is not deactivated (…_009).
 */
export async function getPartnerCertificateData(deps: CertificateReadDeps, caller: Caller, partnerId: string) {
  const partner = await ownedPartner(deps, caller, partnerId);
  const summary = uploadedCertificate(partner);
  if (partner.approvalStatus === 'approved' && !partner.isActive) throw new PmsError(CERTIFICATE_ERRORS.DEACTIVATED_PARTNER_CERTIFICATE_DOWNLOAD_ERROR);
  const record = await deps.certificates.getPartnerCertificate(partner.id, summary.certificateId);
  if (!record) throw new PmsError(CERTIFICATE_ERRORS.CERTIFICATE_FETCH_ERROR);
  return certificatePair(record, deps.clock.now());
}

async function ownedPartner(deps: Pick<CertificateReadDeps, 'partners'>, caller: Caller, partnerId: string): Promise<Partner> {
  if (caller.isAdmin) {
    const partner = await deps.partners.getPartner(partnerId);
    if (!partner) throw new PmsError(PARTNER_ERRORS.PARTNER_DOES_NOT_EXIST);
    return partner;
  }
  const partners = await ownedPartners(deps.partners, caller);
  if (partners.length === 0) throw new PmsError(CERTIFICATE_ERRORS.USER_ID_NOT_EXISTS);
  const partner = partners.find(({ id }) => id === partnerId);
  if (!partner) throw new PmsError(CERTIFICATE_ERRORS.PARTNER_DOES_NOT_BELONG_TO_THE_USER);
  return partner;
}

function uploadedCertificate(partner: Partner): PartnerCertificateSummary {
  if (!partner.certificate) throw new PmsError(CERTIFICATE_ERRORS.CERTIFICATE_NOT_UPLOADED);
  return partner.certificate;
}
