import { type EventModel, eventModel } from '../events/event-model.js';
import { PARTNER_SERVICE } from '../partners/partner-events.js';
import type { IdGenerator } from '../ports.js';
import type { PartnerDomain } from './partner-domains.js';
import { encodeCertsOnlyPkcs7 } from './x509/pkcs7.js';

/**
 * CA_CERTIFICATE_UPLOADED after a partner certificate upload. MOSIP puts the P7B chain [MOSIP-signed partner
 * certificate, PMS issuing CA, ROOT] in a datashare and publishes its URL (`certChainDatashareUrl`); we carry the
 * chain inline as `certChainData` (URL-safe base64 of the DER P7B, the form keymanager's uploadCACertificate takes),
 * so no consumer has to fetch anything and no URL can leak or expire.
 */
export function caCertificateUploaded(domain: PartnerDomain, chain: Uint8Array[], now: Date, ids: IdGenerator): EventModel {
  return eventModel(
    PARTNER_SERVICE,
    'CA_CERTIFICATE_UPLOADED',
    { partnerDomain: domain, certChainDatashareUrl: null, certChainData: chainP7b(chain) },
    now,
    ids.newId(),
  );
}

/** A certificate chain as keymanager hands it over: a certs-only PKCS#7, DER, in URL-safe base64. */
export function chainP7b(chain: Uint8Array[]): string {
  return Buffer.from(encodeCertsOnlyPkcs7(chain)).toString('base64url');
}
