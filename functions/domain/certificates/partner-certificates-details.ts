import { CERTIFICATE_ERRORS } from '../../errors/certificate-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import type { Caller } from '../caller.js';
import { sqlTimestamp } from '../mosip-dates.js';
import { ownedPartners } from '../partners/ownership.js';
import type { CertificateReadDeps } from './ports.js';
import { expiryPeriodEnd } from './trust-certificates.js';
import { readStoredCertificate } from './x509/stored-certificate.js';

/**
 * `GET /partners/partner-certificates-details?expiryPeriod=` (PartnerServiceImpl#getPartnerCertificatesDetails): one
 * row per partner of the caller, with the CN and validity of its MOSIP-signed certificate (the one keymanager's
 * partner-certificate download returns and IDA uses); with `expiryPeriod` (1-30 days) only certificates that have
 * not expired and expire by the end of the day `expiryPeriod` days from now, and partners without a certificate are
 * left out.
 */
export async function partnerCertificatesDetails(deps: Pick<CertificateReadDeps, 'partners' | 'clock'>, caller: Caller, expiryPeriod: number | undefined) {
  const partners = await ownedPartners(deps.partners, caller);
  if (partners.length === 0) throw new PmsError(CERTIFICATE_ERRORS.USER_ID_NOT_EXISTS);
  const now = deps.clock.now();
  const until = expiryPeriod === undefined ? undefined : expiryPeriodEnd(now, expiryPeriod);
  return partners.flatMap((partner) => {
    const signed = partner.certificate ? readStoredCertificate(partner.certificate.signedPem) : undefined;
    if (until !== undefined && (!signed || signed.notAfter < now || signed.notAfter > until)) return [];
    return [
      {
        partnerId: partner.id,
        certificateIssuedTo: signed ? (signed.commonName ?? '') : null,
        certificateUploadDateTime: sqlTimestamp(signed?.notBefore.toISOString() ?? null),
        certificateExpiryDateTime: sqlTimestamp(signed?.notAfter.toISOString() ?? null),
        partnerType: partner.partnerType,
        isCertificateAvailable: signed !== undefined,
        isPartnerActive: !(partner.approvalStatus === 'approved' && !partner.isActive),
      },
    ];
  });
}
