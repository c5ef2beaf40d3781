import { CERTIFICATE_ERRORS } from '../../errors/certificate-errors.js';
import { PARTNER_ERRORS } from '../../errors/partner-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import { auditEntry } from '../audit.js';
import type { Caller } from '../caller.js';
import { localDateTime } from '../mosip-dates.js';
import { partnerOf } from '../partners/ownership.js';
import { isDeactivated, isSelfRegistered, type Partner, type PartnerCertificateSummary } from '../partners/partner.js';
import { PARTNER_SERVICE, partnerUpdated } from '../partners/partner-events.js';
import { PARTNER_TYPES } from '../partners/partner-types.js';
import { retryOnConflict } from '../retry.js';
import { caCertificateUploaded } from './certificate-events.js';
import { checkLeafCertificate, readLeafCertificate, resignLeafCertificate, uploadedCertificate } from './leaf-certificate.js';
import { domainsOfPartnerType, type PartnerDomain, partnerDomainOf } from './partner-domains.js';
import type { CertificateDeps } from './ports.js';
import type { PartnerCertificate } from './stored-certificates.js';
import { firstAttribute } from './x509/parse-certificate.js';
import type { ParsedCertificate } from './x509/parsed-certificate.js';

export interface PartnerCertificateUploadRequest {
  partnerId: string;
  partnerDomain: string;
  certificateData: string;
}

/**
 * `POST /partners/certificate/upload` (PartnerServiceImpl#uploadPartnerCertificate + keymanager
 * uploadPartnerCertificate). PMS's checks first (the caller's own partner; not deactivated,
 * PMS_PMP_016, which for us includes a partner an admin deactivated before its approval; a policy group where the
 * type needs one), then keymanager's in its order (one certificate, domain, future-dated,
 * valid now, the configured days left, not self-signed, chains to the domain's trust store, v3, O= is the partner's
 * organisation, key and algorithm) plus ours (our domain rule, no CA certificate, RFC 5280 path validation). Then the
 * PMS issuing CA re-signs it, and the partner is approved and activated with its new certificate, one audit record,
 * PARTNER_UPDATED and CA_CERTIFICATE_UPLOADED, in one transaction. A self-registered partner's first upload leaves it
 * pending a partner admin's "Active" unless the operator chose MOSIP's activation on upload (`awaitsPartnerAdmin`): a
 * certificate is public, so uploading one proves nothing about who registered. The same certificate uploaded again
 * for an active or a pending partner answers as the first upload did and writes nothing.
 */
export function uploadPartnerCertificate(deps: CertificateDeps, caller: Caller, request: PartnerCertificateUploadRequest) {
  return retryOnConflict(async () => {
    const partner = await partnerOf(deps.partners, caller, request.partnerId);
    if (isDeactivated(partner)) throw new PmsError(PARTNER_ERRORS.PARTNER_NOT_ACTIVE);
    if (PARTNER_TYPES[partner.partnerType].policyRequired && !partner.policyGroupId) throw new PmsError(CERTIFICATE_ERRORS.POLICY_GROUP_NOT_MAPPED);

    const cert = readLeafCertificate(request.certificateData);
    const domain = partnerDomainOf(request.partnerDomain);
    if (!domainsOfPartnerType(partner.partnerType).includes(domain)) {
      throw new PmsError(
        CERTIFICATE_ERRORS.INVALID_PARTNER_DOMAIN,
        ` (a ${partner.partnerType} uploads for ${domainsOfPartnerType(partner.partnerType).join(' or ')})`,
      );
    }
    const current = partner.certificate;
    const unchanged = current && current.partnerDomain === domain && current.thumbprintSha256 === cert.thumbprintSha256;
    if (unchanged && (partner.isActive || awaitsPartnerAdmin(deps, partner))) {
      return uploadAnswer(current.certificateId, current.signedPem, deps.clock.now());
    }

    const now = deps.clock.now();
    await checkLeafCertificate(deps, cert, domain, partner.organizationName, now);
    return storeResigned(deps, caller, partner, cert, domain, now);
  });
}

async function storeResigned(deps: CertificateDeps, caller: Caller, partner: Partner, cert: ParsedCertificate, domain: PartnerDomain, now: Date) {
  const { signed, pmsCa } = await resignLeafCertificate(deps, cert, domain, now);
  const record: PartnerCertificate = {
    certId: deps.ids.newId(),
    partnerId: partner.id,
    partnerDomain: domain,
    ...uploadedCertificate(cert, signed, caller.userId, now),
  };
  const summary: PartnerCertificateSummary = {
    certificateId: record.certId,
    partnerDomain: domain,
    issuedTo: firstAttribute(cert.subject, 'CN') ?? '',
    notBefore: record.notBefore,
    notAfter: record.notAfter,
    thumbprintSha256: cert.thumbprintSha256,
    signedPem: record.signedPem,
    signedThumbprint: signed.thumbprintSha256,
    signedNotAfter: record.signedNotAfter,
  };
  const bindsOwner = partner.ownerSubject === undefined && partner.userId === caller.userId && caller.subject !== undefined;
  const next: Partner = {
    ...partner,
    ...(bindsOwner ? { ownerSubject: caller.subject } : {}),
    ...(awaitsPartnerAdmin(deps, partner) ? {} : { approvalStatus: 'approved', isActive: true }),
    certificateAlias: record.certId,
    certificate: summary,
    updBy: caller.userId,
    updDtimes: now.toISOString(),
  };
  const audit = auditEntry(caller.userId, 'uploadPartnerCertificate', 'Partner', partner.id, now, {
    certificateId: record.certId,
    partnerDomain: domain,
    ...(bindsOwner ? { ownerSubjectBound: true } : {}),
  });
  const events = [partnerUpdated(next, now, deps.ids, PARTNER_SERVICE), caCertificateUploaded(domain, [signed.der, pmsCa.issuing, pmsCa.root], now, deps.ids)];
  await deps.certificates.storePartnerCertificate(record, next, partner, audit, events);
  return uploadAnswer(record.certId, record.signedPem, now);
}

/**
 * A self-registered partner that no partner admin has approved yet stays pending after its upload when the operator
 * keeps our default; its certificate is stored, and the admin's "Active" approves and activates it.
 */
function awaitsPartnerAdmin(deps: CertificateDeps, partner: Partner): boolean {
  return deps.selfRegisteredActivation === 'by-partner-admin' && partner.approvalStatus !== 'approved' && isSelfRegistered(partner);
}

/** PartnerCertificateResponseDto. */
function uploadAnswer(certificateId: string, signedPem: string, now: Date) {
  return { certificateId, signedCertificateData: signedPem, timestamp: localDateTime(now.toISOString()) };
}
