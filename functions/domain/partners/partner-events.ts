import { eventModel, type EventModel, type EventSource } from '../events/event-model.js';
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

/**
 * PARTNER_UPDATED with MOSIP's PartnerDataPublishDto. `certificateData` is the partner's certificate as IDA
 * stores it; no partner holds one until certificates are uploaded (a later issue fills it in), so it is null.
 */
export function partnerUpdated(partner: Partner, now: Date, ids: IdGenerator): EventModel {
  return eventModel(PARTNER_MANAGER_SERVICE, 'PARTNER_UPDATED', { partnerData: partnerData(partner) }, now, ids.newId());
}

/** PartnerDataPublishDto, as PARTNER_UPDATED and APIKEY_APPROVED carry it. */
export function partnerData(partner: Partner) {
  return {
    partnerId: partner.id,
    partnerName: partner.organizationName,
    certificateData: null,
    partnerStatus: partner.isActive ? 'ACTIVE' : 'DEACTIVE',
  };
}
