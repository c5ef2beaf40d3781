import { OIDC_CLIENT_ERRORS } from '../../errors/oidc-client-errors.js';
import { PARTNER_PAGING_ERRORS } from '../../errors/paging-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import type { OidcClientListQuery } from '../../schemas/oidc-clients.js';
import type { Caller } from '../caller.js';
import { sqlTimestamp } from '../mosip-dates.js';
import type { Partner } from '../partners/partner.js';
import type { Policy } from '../policies/policy.js';
import type { PolicyGroup } from '../policy-groups/policy-group.js';
import { readAll } from '../read-all.js';
import { checkListQuery, type ListDefinition, listPage } from '../search/list-definition.js';
import type { PageV2 } from '../search/v2-lists.js';
import { callerPartnerIds } from './client-commands.js';
import { type OidcClient, storedName } from './oidc-client.js';
import type { OidcClientDeps } from './ports.js';

/** A client whose creation eSignet has not confirmed does not exist yet for readers (consistency.ts). */
function isVisible(client: OidcClient): boolean {
  return client.pending?.kind !== 'create';
}

/**
 * `GET /oauth/client/{clientId}` and the deprecated `GET /oidc/client/{clientId}` (#getClientDetails): the client
 * (PMS_ESI_004), a non-admin's own (PMS_CERTIFICATE_ERROR_002, PMS_POLICY_ERROR_011); MOSIP's ClientDetail, the
 * public key as the JSON string it stores.
 */
export async function getClient(deps: OidcClientDeps, caller: Caller, clientId: string) {
  const client = await deps.clients.getClient(clientId);
  if (!client || !isVisible(client)) throw new PmsError(OIDC_CLIENT_ERRORS.CLIENT_NOT_EXISTS);
  if (!caller.isAdmin && !(await callerPartnerIds(deps, caller)).has(client.partnerId)) {
    throw new PmsError(OIDC_CLIENT_ERRORS.PARTNER_NOT_BELONGS_TO_THE_USER_GET_OIDC);
  }
  const policy = await deps.policies.getPolicy(client.policyId);
  return {
    id: client.id,
    name: storedName(client),
    policyId: client.policyId,
    policyName: policy?.name ?? '',
    relyingPartyId: client.partnerId,
    logoUri: client.logoUri,
    redirectUris: client.redirectUris,
    publicKey: client.publicKey,
    claims: client.claims,
    acrValues: client.acrValues,
    status: client.status,
    grantTypes: client.grantTypes,
    clientAuthMethods: client.clientAuthMethods,
  };
}

interface ClientRow {
  client: OidcClient;
  partner: Partner | undefined;
  policy: Policy | undefined;
  group: PolicyGroup | undefined;
}

/** PartnerHelper.oidcClientsAliasToColumnMap and ClientSummaryRepository's filters (text LIKE, status exact). */
const CLIENT_LIST: ListDefinition<ClientRow> = {
  columns: {
    partnerId: { read: ({ client }) => client.partnerId, filter: 'like', sortable: true },
    orgName: { read: ({ partner }) => partner?.organizationName ?? null, filter: 'like', sortable: true },
    policyGroupName: { read: ({ group }) => group?.name ?? null, filter: 'like', sortable: true },
    policyName: { read: ({ policy }) => policy?.name ?? null, filter: 'like', sortable: true },
    clientId: { read: ({ client }) => client.id, sortable: true },
    clientName: { read: ({ client }) => storedName(client), filter: 'like', sortable: true },
    status: { read: ({ client }) => client.status, filter: 'exact', sortable: true },
    createdDateTime: { read: ({ client }) => client.crDtimes, sortable: true },
  },
  defaultOrder: [{ by: ({ client }) => client.crDtimes, descending: true }, { by: ({ client }) => client.id }],
  errors: PARTNER_PAGING_ERRORS,
  emptyFilterIsAbsent: true,
  optionalPaging: true,
};

/**
 * `GET /oauth/client` (#getPartnersClients), admins and authentication partners: admins see every client, others
 * those of their own partners (PMS_CERTIFICATE_ERROR_002 without any), with partner, policy and group names.
 */
export async function listClients(deps: OidcClientDeps, caller: Caller, query: OidcClientListQuery): Promise<PageV2<ReturnType<typeof clientSummary>>> {
  const paging = checkListQuery(CLIENT_LIST, query);
  const clients = caller.isAdmin
    ? await deps.clients.allClients()
    : (await Promise.all([...(await callerPartnerIds(deps, caller))].map((id) => deps.clients.clientsOfPartner(id)))).flat();
  return listPage(CLIENT_LIST, await joined(deps, clients.filter(isVisible)), query, paging, clientSummary);
}

async function joined(deps: OidcClientDeps, clients: readonly OidcClient[]): Promise<ClientRow[]> {
  const partners = await readAll(
    clients.map((client) => client.partnerId),
    (id) => deps.partners.getPartner(id),
  );
  const policies = await readAll(
    clients.map((client) => client.policyId),
    (id) => deps.policies.getPolicy(id),
  );
  const groups = await readAll(
    [...policies.values()].flatMap((policy) => (policy ? [policy.policyGroupId] : [])),
    (id) => deps.groups.getGroup(id),
  );
  return clients.map((client) => {
    const policy = policies.get(client.policyId);
    return { client, partner: partners.get(client.partnerId), policy, group: policy ? groups.get(policy.policyGroupId) : undefined };
  });
}

/** ClientSummaryDto. */
function clientSummary({ client, partner, policy, group }: ClientRow) {
  return {
    partnerId: client.partnerId,
    orgName: partner?.organizationName ?? null,
    policyGroupId: policy?.policyGroupId ?? null,
    policyGroupName: group?.name ?? null,
    policyGroupDescription: group?.desc ?? null,
    policyName: policy?.name ?? null,
    policyDescription: policy?.desc ?? null,
    clientId: client.id,
    clientName: storedName(client),
    status: client.status,
    updatedDateTime: sqlTimestamp(client.updDtimes),
    createdDateTime: sqlTimestamp(client.crDtimes),
  };
}
