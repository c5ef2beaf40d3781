import { CLIENT_ID_EXPECTED, ESIGNET_ERRORS, OIDC_CLIENT_ERRORS } from '../../errors/oidc-client-errors.js';
import { InactivePartnerError, PmsError, UniqueConstraintError, withArguments } from '../../errors/pms-error.js';
import type { Caller } from '../caller.js';
import { ownedPartners } from '../partners/ownership.js';
import type { Partner } from '../partners/partner.js';
import type { Policy } from '../policies/policy.js';
import { retryOnConflict } from '../retry.js';
import { claimsAndAcrs } from './claims-mapping.js';
import { registerChange } from './consistency.js';
import { esignetFieldError } from './esignet-rules.js';
import {
  AUTH_PARTNER_TYPE,
  AUTH_POLICY_TYPE,
  type EsignetApi,
  type OidcClient,
  type OidcClientStatus,
  type RegisteredFields,
  registeredFields,
} from './oidc-client.js';
import type { OidcClientDeps } from './ports.js';
import { clientPublicKey } from './public-key.js';

/** ClientDetailCreateRequest(V2): the V2 (`/oauth/client`) one carries clientNameLangMap. */
export interface ClientCreateInput {
  name: string;
  policyId: string;
  publicKey: Record<string, unknown>;
  authPartnerId: string;
  logoUri: string;
  redirectUris: string[];
  grantTypes: string[];
  clientAuthMethods: string[];
  clientNameLangMap?: Record<string, string> | undefined;
}

/** ClientDetailUpdateRequest(V2). */
export interface ClientUpdateInput {
  logoUri: string;
  redirectUris: string[];
  status: string;
  grantTypes: string[];
  clientName: string;
  clientAuthMethods: string[];
  clientNameLangMap?: Record<string, string> | undefined;
}

/** `mosip.pms.client.id.regex`, as the controller checks an update's path (PMS_PRT_099). */
const CLIENT_ID_FORMAT = /^[A-Za-z0-9_-]{1,100}$/;

/** The caller's partners, refused as MOSIP refuses a user without any (PMS_CERTIFICATE_ERROR_002). */
export async function callerPartnerIds(deps: Pick<OidcClientDeps, 'partners'>, caller: Caller): Promise<Set<string>> {
  const owned = await ownedPartners(deps.partners, caller);
  if (owned.length === 0) throw new PmsError(OIDC_CLIENT_ERRORS.USER_ID_NOT_EXISTS);
  return new Set(owned.map((partner) => partner.id));
}

/**
 * `POST /oauth/client` (api `oauth`) and the deprecated `POST /oidc/client` (api `oidc`), in MOSIP's order
 * (ClientManagementServiceImpl#processCreateOIDCClient): the key (PMS_ESI_007) and its client id not yet taken
 * (PMS_ESI_001); a non-admin's own partner (PMS_CERTIFICATE_ERROR_002, PMS_POLICY_ERROR_009); the partner exists
 * (PMS_PRT_058), is an authentication partner (059) and active (PMS_PMP_016); the policy exists (PMS_PRT_073) and is
 * an auth policy (057); the partner's link to it exists (PMS_PRT_061) and is approved (PMS_ESI_002); the policy's
 * claims and ACRs (PMS_ESI_005, 003, 006). Then what eSignet would refuse, with eSignet's codes (a key that is not
 * RSA, redirect URIs, grant types, client auth methods, the language map), so a refused client is never sent. MOSIP
 * looks the approved link up by the partner's user id (a bug that makes every approval miss); ours by the partner.
 */
export async function createClient(deps: OidcClientDeps, caller: Caller, input: ClientCreateInput, api: EsignetApi) {
  const key = clientPublicKey(input.publicKey);
  if (key.rsa && (await deps.clients.getClient(key.clientId))) throw new PmsError(OIDC_CLIENT_ERRORS.DUPLICATE_CLIENT);
  if (!caller.isAdmin && !(await callerPartnerIds(deps, caller)).has(input.authPartnerId)) {
    throw new PmsError(OIDC_CLIENT_ERRORS.PARTNER_NOT_BELONGS_TO_THE_USER_CREATE_OIDC);
  }
  const partner = await authPartner(deps, input.authPartnerId);
  const policy = await authPolicy(deps, input.policyId);
  const link = await deps.links.openLink(partner.id, policy.id);
  if (!link) throw new PmsError(OIDC_CLIENT_ERRORS.PARTNER_POLICY_MAPPING_NOT_EXISTS);
  if (link.status !== 'approved') throw new PmsError(OIDC_CLIENT_ERRORS.PARTNER_POLICY_NOT_APPROVED);
  const { claims, acrValues } = claimsAndAcrs(policy.policies, deps.mappings);
  const fields: RegisteredFields = {
    name: input.name,
    clientNameLangMap: api === 'oauth' ? (input.clientNameLangMap ?? {}) : null,
    logoUri: input.logoUri,
    redirectUris: input.redirectUris,
    grantTypes: input.grantTypes,
    clientAuthMethods: input.clientAuthMethods,
    claims,
    acrValues,
    status: 'ACTIVE',
  };
  checkEsignetFields(fields, false);
  if (!key.rsa) throw new PmsError(ESIGNET_ERRORS.INVALID_PUBLIC_KEY);
  const now = deps.clock.now().toISOString();
  const client: OidcClient = {
    id: key.clientId,
    publicKey: JSON.stringify(key.jwk),
    partnerId: partner.id,
    policyId: policy.id,
    api,
    ...fields,
    pending: null,
    crBy: caller.userId,
    crDtimes: now,
    updBy: null,
    updDtimes: null,
    revision: 0,
  };
  await registerChange(deps, client, undefined, { partner, policy }).catch(rethrowClientWriteRefusal);
  return { clientId: client.id, status: client.status };
}

/**
 * `PUT /oauth/client/{clientId}` and the deprecated `PUT /oidc/client/{clientId}`, in MOSIP's order
 * (#processUpdateOIDCClient): the client (PMS_ESI_004), not INACTIVE (PMS_ESI_008: deactivation is final), its
 * partner (PMS_PRT_058), a non-admin's own (PMS_CERTIFICATE_ERROR_002, PMS_POLICY_ERROR_010), the partner active
 * (PMS_PMP_016; an admin may deactivate the client of an inactive partner). A new status changes only the status
 * (deactivation); otherwise the name, logo, redirect URIs, grant types and client auth methods change, checked as
 * eSignet checks them. eSignet's refusal of an update is passed on (MOSIP ignores it and keeps its own change).
 */
export async function updateClient(deps: OidcClientDeps, caller: Caller, clientId: string, input: ClientUpdateInput, api: EsignetApi) {
  if (!CLIENT_ID_FORMAT.test(clientId)) throw new PmsError(withArguments(OIDC_CLIENT_ERRORS.INVALID_INPUT_FORMAT, 'clientId', CLIENT_ID_EXPECTED));
  return retryOnConflict(async () => {
    const client = await deps.clients.getClient(clientId);
    if (!client || client.pending?.kind === 'create') throw new PmsError(OIDC_CLIENT_ERRORS.CLIENT_NOT_EXISTS);
    if (client.status === 'INACTIVE') throw new PmsError(OIDC_CLIENT_ERRORS.CLIENT_ALREADY_DEACTIVATED);
    const partner = await deps.partners.getPartner(client.partnerId);
    if (!partner) throw new PmsError(withArguments(OIDC_CLIENT_ERRORS.INVALID_PARTNERID, client.partnerId));
    if (!caller.isAdmin && !(await callerPartnerIds(deps, caller)).has(partner.id)) {
      throw new PmsError(OIDC_CLIENT_ERRORS.PARTNER_NOT_BELONGS_TO_THE_USER_UPDATE_OIDC);
    }
    const status = input.status.toUpperCase() as OidcClientStatus;
    const statusChanges = status !== client.status;
    if ((!caller.isAdmin || !statusChanges) && !partner.isActive) throw new PmsError(OIDC_CLIENT_ERRORS.PARTNER_NOT_ACTIVE);
    // The deprecated API's eSignet update has no language map: eSignet then keeps the plain name.
    const languages = api === 'oauth' ? (input.clientNameLangMap ?? client.clientNameLangMap ?? {}) : null;
    const fields: RegisteredFields = statusChanges
      ? { ...registeredFields(client), clientNameLangMap: api === 'oauth' ? client.clientNameLangMap : null, status }
      : {
          ...registeredFields(client),
          name: input.clientName,
          clientNameLangMap: languages,
          logoUri: input.logoUri,
          redirectUris: input.redirectUris,
          grantTypes: input.grantTypes,
          clientAuthMethods: input.clientAuthMethods,
        };
    checkEsignetFields(fields, true);
    const next: OidcClient = { ...client, ...fields, api, updBy: caller.userId, updDtimes: deps.clock.now().toISOString() };
    await registerChange(deps, next, client);
    return { clientId: client.id, status: next.status };
  });
}

function checkEsignetFields(fields: RegisteredFields, update: boolean): void {
  const error = esignetFieldError(
    {
      clientName: fields.name,
      logoUri: fields.logoUri,
      redirectUris: fields.redirectUris,
      grantTypes: fields.grantTypes,
      clientAuthMethods: fields.clientAuthMethods,
      userClaims: fields.claims,
      authContextRefs: fields.acrValues,
      clientNameLangMap: fields.clientNameLangMap,
      status: fields.status,
    },
    update,
  );
  if (error) throw new PmsError(error);
}

async function authPartner(deps: Pick<OidcClientDeps, 'partners'>, partnerId: string): Promise<Partner> {
  const partner = await deps.partners.getPartner(partnerId);
  if (!partner) throw new PmsError(withArguments(OIDC_CLIENT_ERRORS.INVALID_PARTNERID, partnerId));
  if (partner.partnerType.toLowerCase() !== AUTH_PARTNER_TYPE.toLowerCase()) {
    throw new PmsError(withArguments(OIDC_CLIENT_ERRORS.INVALID_PARTNER_TYPE, partner.partnerType));
  }
  if (!partner.isActive) throw new PmsError(OIDC_CLIENT_ERRORS.PARTNER_NOT_ACTIVE);
  return partner;
}

async function authPolicy(deps: Pick<OidcClientDeps, 'policies'>, policyId: string): Promise<Policy> {
  const policy = await deps.policies.getPolicy(policyId);
  if (!policy) throw new PmsError(OIDC_CLIENT_ERRORS.POLICY_NOT_EXIST);
  if (policy.policyType !== AUTH_POLICY_TYPE) throw new PmsError(OIDC_CLIENT_ERRORS.PARTNER_POLICY_TYPE_MISMATCH);
  return policy;
}

/** A client write's refusals as MOSIP answers them: the key taken meanwhile (PMS_ESI_001), the partner switched off (PMS_PMP_016). */
export function rethrowClientWriteRefusal(error: unknown): never {
  if (error instanceof UniqueConstraintError && error.constraint === 'oidcClientId') throw new PmsError(OIDC_CLIENT_ERRORS.DUPLICATE_CLIENT);
  if (error instanceof InactivePartnerError) throw new PmsError(OIDC_CLIENT_ERRORS.PARTNER_NOT_ACTIVE);
  throw error;
}
