import { type EventModel, eventModel } from '../events/event-model.js';
import { PARTNER_MANAGER_SERVICE } from '../partners/partner-events.js';
import type { IdGenerator } from '../ports.js';

/** A partner's request to use a published policy (MOSIP partner_policy_request). Decided by a partner admin. */
export const POLICY_REQUEST_STATUSES = ['InProgress', 'approved', 'rejected'] as const;
export type PolicyRequestStatus = (typeof POLICY_REQUEST_STATUSES)[number];

export interface PolicyRequest {
  mappingKey: string;
  partnerId: string;
  policyId: string;
  status: PolicyRequestStatus;
  requestDetail: string;
  crBy: string;
  crDtimes: string;
  updBy: string | null;
  updDtimes: string | null;
  revision: number;
}

/** The decision, announced in the transaction that stores it, so of concurrent decisions only the winner's leaves. */
export function policyRequestDecided(request: PolicyRequest, now: Date, ids: IdGenerator): EventModel {
  const { mappingKey, partnerId, policyId, status, updBy, updDtimes } = request;
  return eventModel(
    PARTNER_MANAGER_SERVICE,
    'PARTNER_POLICY_REQUEST_UPDATED',
    { partnerPolicyRequestData: { mappingKey, partnerId, policyId, status, updBy, updDtimes } },
    now,
    ids.newId(),
  );
}
