/**
 * MOSIP's WebSub EventModel, which IDA and the other MOSIP modules consume; the topic is the event type name.
 * We carry the same model as the EventBridge event detail.
 */
export type PartnerEventTopic =
  | 'PARTNER_UPDATED'
  | 'CA_CERTIFICATE_UPLOADED'
  | 'APIKEY_APPROVED'
  | 'APIKEY_UPDATED'
  | 'POLICY_UPDATED'
  | 'MISP_LICENSE_GENERATED'
  | 'MISP_LICENSE_UPDATED'
  /** Ours: a partner admin decided a partner-policy request (MOSIP publishes nothing then). */
  | 'PARTNER_POLICY_REQUEST_UPDATED'
  | 'OIDC_CLIENT_CREATED'
  | 'OIDC_CLIENT_UPDATED';

export interface EventModel {
  publisher: string;
  topic: PartnerEventTopic;
  publishedOn: string;
  event: {
    id: string;
    transactionId: null;
    type: { name: string; namespace: string };
    timestamp: string;
    dataShareUri: null;
    data: Record<string, unknown>;
  };
}

/** Which MOSIP service publishes (EventModel `publisher` and `event.type`). */
export interface EventSource {
  name: string;
  namespace: string;
}

export const POLICY_SERVICE: EventSource = { name: 'PolicyManagementService', namespace: 'io.mosip.pmp.policy.service' };

export function eventModel(source: EventSource, topic: PartnerEventTopic, data: Record<string, unknown>, now: Date, id: string): EventModel {
  const at = now.toISOString();
  return {
    publisher: source.name,
    topic,
    publishedOn: at,
    event: { id, transactionId: null, type: { ...source }, timestamp: at, dataShareUri: null, data },
  };
}
