import { CERTIFICATE_ERRORS } from '../../errors/certificate-errors.js';
import { LEGACY_FTM_CHIP_ERRORS } from '../../errors/ftm-chip-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import { auditEntry } from '../audit.js';
import type { Caller } from '../caller.js';
import { caCertificateUploaded, chainP7b } from '../certificates/certificate-events.js';
import { checkLeafCertificate, readLeafCertificate, resignLeafCertificate, uploadedCertificate } from '../certificates/leaf-certificate.js';
import { type PartnerDomain, partnerDomainOf } from '../certificates/partner-domains.js';
import { firstAttribute } from '../certificates/x509/parse-certificate.js';
import { changedBy, derivedStatus } from '../devices/approval.js';
import { localDateTime } from '../mosip-dates.js';
import { retryOnConflict } from '../retry.js';
import { chipProvider, rethrowChipWriteRefusal } from './chip-commands.js';
import { type ChipCertificate, type ChipCertificateSummary, FTM_CHIP_AUDIT_TYPE } from './ftm-chip.js';
import type { ChipCertificateDeps } from './ports.js';

export interface ChipCertificateUploadRequest {
  ftpProviderId: string;
  ftpChipDeatilId: string;
  certificateData: string;
  organizationName: string;
  partnerDomain: string;
}

/**
 * The trust domains a chip certificate may chain to. MOSIP passes any domain to keymanager; ours takes FTM, and
 * DEVICE, where device makers' CAs may issue the chips they build in (MOSIP's api-test rig uploads its chip that way),
 * never AUTH or MISP (KER-PCM-011).
 */
const CHIP_DOMAINS: readonly PartnerDomain[] = ['FTM', 'DEVICE'];

function chipDomainOf(value: string): PartnerDomain {
  const domain = partnerDomainOf(value);
  if (!CHIP_DOMAINS.includes(domain)) throw new PmsError(CERTIFICATE_ERRORS.INVALID_PARTNER_DOMAIN, ` (an FTM chip uploads for ${CHIP_DOMAINS.join(' or ')})`);
  return domain;
}

/**
 * `POST /ftpchipdetail/uploadcertificate` (FTPChipDetailServiceImpl#uploadCertificate + keymanager
 * uploadPartnerCertificate under the chip's id). MOSIP's order: the provider (PMP_AUT_030; ours: the caller's own, an
 * FTM provider), the chip (PMP_AUT_031) of that provider (PMP_AUT_034), waiting for its certificate or approved
 * (PMP_AUT_038) and not deactivated (PMP_AUT_039); then keymanager's checks of a partner certificate, where the O=
 * is compared with the provider's organisation (MOSIP compares it with the request's `organizationName`, which the
 * caller writes). The certificate is re-signed by the PMS issuing CA, and the chip waits for a partner admin's
 * approval again, inactive, in one transaction with the upload, its audit record and CA_CERTIFICATE_UPLOADED.
 * The chain answered and published is keymanager's: for the FTM domain the chip's own trust path (MOSIP does not
 * re-sign FTM chains by default), for DEVICE the re-signed certificate under the PMS CA.
 */
export function uploadChipCertificate(deps: ChipCertificateDeps, caller: Caller, request: ChipCertificateUploadRequest) {
  return retryOnConflict(async () => {
    const provider = await chipProvider(deps, caller, request.ftpProviderId);
    const chip = await deps.chips.getChip(request.ftpChipDeatilId);
    if (!chip) throw new PmsError(LEGACY_FTM_CHIP_ERRORS.FTP_CHIP_ID_NOT_EXISTS);
    if (chip.ftpProviderId !== provider.id) throw new PmsError(LEGACY_FTM_CHIP_ERRORS.FTP_CHIP_ID_PROVIDER_ID_NOT_MATCHED);
    if (chip.approvalStatus !== 'approved' && chip.approvalStatus !== 'pending_cert_upload') throw new PmsError(LEGACY_FTM_CHIP_ERRORS.INVALID_FTP_CHIP_STATUS);
    if (derivedStatus(chip) === 'deactivated') throw new PmsError(LEGACY_FTM_CHIP_ERRORS.FTP_CHIP_DEACTIVATED);

    const cert = readLeafCertificate(request.certificateData);
    const domain = chipDomainOf(request.partnerDomain);
    const now = deps.clock.now();
    const trustPath = await checkLeafCertificate(deps, cert, domain, provider.organizationName, now);
    const { signed, pmsCa } = await resignLeafCertificate(deps, cert, domain, now);

    const record: ChipCertificate = {
      certId: deps.ids.newId(),
      ftmId: chip.id,
      ftpProviderId: chip.ftpProviderId,
      partnerDomain: domain,
      ...uploadedCertificate(cert, signed, caller.userId, now),
    };
    const summary: ChipCertificateSummary = {
      certificateId: record.certId,
      partnerDomain: domain,
      subject: record.subject,
      issuer: record.issuer,
      issuedTo: firstAttribute(cert.subject, 'CN') ?? '',
      notBefore: record.notBefore,
      notAfter: record.notAfter,
      thumbprintSha256: record.thumbprintSha256,
      signedNotBefore: signed.notBefore.toISOString(),
      signedNotAfter: record.signedNotAfter,
      uploadTime: record.uploadTime,
    };
    const next = changedBy(chip, caller.userId, now, { approvalStatus: 'pending_approval', isActive: false, certificate: summary });
    const chain = domain === 'FTM' ? trustPath.map((member) => member.der) : [signed.der, pmsCa.issuing, pmsCa.root];
    const audit = auditEntry(caller.userId, 'uploadFtmChipCertificate', FTM_CHIP_AUDIT_TYPE, chip.id, now, {
      ftpProviderId: chip.ftpProviderId,
      certificateId: record.certId,
      partnerDomain: domain,
    });
    await deps.chips
      .commit({
        chip: { next, previous: chip },
        certificate: record,
        activePartnerId: provider.id,
        audit,
        events: [caCertificateUploaded(domain, chain, now, deps.ids)],
      })
      .catch(rethrowChipWriteRefusal);
    // MOSIP overwrites certificateId with the leaf's PEM; ours is the id of the upload.
    return { signedCertificateData: chainP7b(chain), certificateId: record.certId, timestamp: localDateTime(now.toISOString()) };
  });
}
