import { type EventModel, eventModel } from '../events/event-model.js';
import type { Partner } from '../partners/partner.js';
import { PARTNER_MANAGER_SERVICE, partnerData } from '../partners/partner-events.js';
import type { Policy } from '../policies/policy.js';
import { policyData } from '../policies/views.js';
import type { IdGenerator } from '../ports.js';
import { type OidcClient, storedName } from './oidc-client.js';

/** MOSIP's ClientPublishDto: no key, no secret (a client has none: it authenticates with private_key_jwt). */
export function clientData(client: OidcClient) {
  return {
    clientId: client.id,
    clientName: storedName(client),
    clientStatus: client.status,
    userClaims: client.claims,
    authContextRefs: client.acrValues,
    clientAuthMethods: client.clientAuthMethods,
  };
}

/** OIDC_CLIENT_CREATED with the partner, the policy and the client, as ClientManagementServiceImpl#publishClientData. */
export function oidcClientCreated(client: OidcClient, partner: Partner, policy: Policy, now: Date, ids: IdGenerator): EventModel {
  const data = { partnerData: partnerData(partner), policyData: policyData(policy), clientData: clientData(client) };
  return eventModel(PARTNER_MANAGER_SERVICE, 'OIDC_CLIENT_CREATED', data, now, ids.newId());
}

export function oidcClientUpdated(client: OidcClient, now: Date, ids: IdGenerator): EventModel {
  return eventModel(PARTNER_MANAGER_SERVICE, 'OIDC_CLIENT_UPDATED', { clientData: clientData(client) }, now, ids.newId());
}
