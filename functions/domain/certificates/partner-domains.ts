import { CERTIFICATE_ERRORS } from '../../errors/certificate-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import type { PartnerType } from '../partners/partner-types.js';

/** MOSIP `mosip.kernel.partner.allowed.domains`: each has its own trust store. */
export const PARTNER_DOMAINS = ['AUTH', 'DEVICE', 'FTM', 'MISP'] as const;
export type PartnerDomain = (typeof PARTNER_DOMAINS)[number];

/** The domain named in a request, matched case-insensitively as MOSIP does (KER-PCM-011 otherwise). */
export function partnerDomainOf(value: string): PartnerDomain {
  const domain = value.trim().toUpperCase();
  if (!(PARTNER_DOMAINS as readonly string[]).includes(domain)) throw new PmsError(CERTIFICATE_ERRORS.INVALID_PARTNER_DOMAIN);
  return domain as PartnerDomain;
}

/**
 * The domains a partner's own certificate may be uploaded for. MOSIP derives a partner's domain from its type
 * (BatchJobHelper#getPartnerDomain: device and FTM providers their own, everyone else AUTH) but never compares it
 * with the request; we do, so a certificate cannot land in a trust domain its partner does not work in. A MISP
 * may also use the MISP domain, which MOSIP allows and nothing else uses.
 */
export function domainsOfPartnerType(type: PartnerType): readonly PartnerDomain[] {
  if (type === 'Device_Provider') return ['DEVICE'];
  if (type === 'FTM_Provider') return ['FTM'];
  if (type === 'MISP_Partner') return ['AUTH', 'MISP'];
  return ['AUTH'];
}
