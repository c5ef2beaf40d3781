import { type EventModel, type EventSource, eventModel } from '../events/event-model.js';
import type { IdGenerator } from '../ports.js';
import type { Partner } from './partner.js';

/**
 * MOSIP publishes partner status changes from PartnerManagementServiceImpl#notify: the Type it builds is both
 * the EventModel `publisher` (its name) and `event.type`.
 */
export const PARTNER_MANAGER_SERVICE: EventSource = {
  name: 'PartnerManagementServiceImpl',
  namespace: 'io.mosip.pmp.partner.manager.service.impl.PartnerManagementServiceImpl',
};

/** Certificate upload publishes from PartnerServiceImpl (its PARTNER_UPDATED and CA_CERTIFICATE_UPLOADED). */
export const PARTNER_SERVICE: EventSource = {
  name: 'PartnerServiceImpl',
  namespace: 'io.mosip.pmp.partner.service.impl.PartnerServiceImpl',
};

/**
 * PARTNER_UPDATED with MOSIP's PartnerDataPublishDto. `certificateData` is the partner's MOSIP-signed
 * certificate, as IDA stores it (null before the first upload).
 */
export function partnerUpdated(partner: Partner, now: Date, ids: IdGenerator, source = PARTNER_MANAGER_SERVICE): EventModel {
  return eventModel(source, 'PARTNER_UPDATED', { partnerData: partnerData(partner) }, now, ids.newId());
}

/** PartnerDataPublishDto, as PARTNER_UPDATED and APIKEY_APPROVED carry it. */
export function partnerData(partner: Partner) {
  return {
    partnerId: partner.id,
    partnerName: partner.organizationName,
    certificateData: partner.certificate?.signedPem ?? null,
    partnerStatus: partner.isActive ? 'ACTIVE' : 'DEACTIVE',
  };
}
