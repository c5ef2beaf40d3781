/** MOSIP's client states; INACTIVE is final. */
export type OidcClientStatus = 'ACTIVE' | 'INACTIVE';

/** What a client says in eSignet: every field PMS registers there (eSignet's create and update requests). */
export interface RegisteredFields {
  name: string;
  /** eSignet's clientNameLangMap (ISO 639-3 codes); absent for clients made through the deprecated `/oidc/client`. */
  clientNameLangMap: Record<string, string> | null;
  logoUri: string;
  redirectUris: string[];
  grantTypes: string[];
  clientAuthMethods: string[];
  claims: string[];
  acrValues: string[];
  status: OidcClientStatus;
}

/**
 * An OIDC client of an authentication partner (MOSIP `oidc_client`), registered in eSignet under the same id.
 * `pending` says the eSignet call of the last change has not been confirmed (docs in consistency.ts).
 */
export interface OidcClient extends RegisteredFields {
  /** base64url(SHA-256(base64(SPKI DER of the public key))): the same key always gives the same id (clientIdOf). */
  id: string;
  /** The public JWK as stored and returned (a JSON string, public members only). */
  publicKey: string;
  partnerId: string;
  policyId: string;
  /** Which eSignet API registered it: `oauth` (clientNameLangMap) or the deprecated `oidc`. */
  api: EsignetApi;
  pending: PendingRegistration | null;
  crBy: string;
  crDtimes: string;
  updBy: string | null;
  updDtimes: string | null;
  revision: number;
}

export type EsignetApi = 'oauth' | 'oidc';

/** A change stored before eSignet confirmed it: a new client, or an update with the fields eSignet last confirmed. */
export interface PendingRegistration {
  kind: 'create' | 'update';
  since: string;
  /** For an update: what eSignet held before it, and who changed it last, put back if eSignet refuses the update. */
  confirmed?: RegisteredFields & Pick<OidcClient, 'updBy' | 'updDtimes'>;
}

export const OIDC_CLIENT_AUDIT_TYPE = 'OidcClient';
/** MOSIP's partner type and policy type of OIDC clients. */
export const AUTH_PARTNER_TYPE = 'Auth_Partner';
export const AUTH_POLICY_TYPE = 'Auth';

export function registeredFields(client: RegisteredFields): RegisteredFields {
  return {
    name: client.name,
    clientNameLangMap: client.clientNameLangMap,
    logoUri: client.logoUri,
    redirectUris: client.redirectUris,
    grantTypes: client.grantTypes,
    clientAuthMethods: client.clientAuthMethods,
    claims: client.claims,
    acrValues: client.acrValues,
    status: client.status,
  };
}

/**
 * The name as MOSIP stores and returns it: for a client made through `/oauth/client`, the JSON of its language map
 * with the plain name under `@none`; otherwise the plain name.
 */
export function storedName(client: Pick<RegisteredFields, 'name' | 'clientNameLangMap'>): string {
  return client.clientNameLangMap ? JSON.stringify({ ...client.clientNameLangMap, '@none': client.name }) : client.name;
}
