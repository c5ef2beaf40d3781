import { ESIGNET_ERRORS } from '../../errors/oidc-client-errors.js';
import type { ErrorDefinition } from '../../errors/pms-error.js';
import { DEFAULT_ACR_AMRS } from './claims-mapping.js';

/** eSignet 1.6.1's defaults: `mosip.esignet.supported.grant.types`, `…client.auth.methods`, the discovery's claims_supported. */
export const ESIGNET_GRANT_TYPES: readonly string[] = ['authorization_code'];
export const ESIGNET_CLIENT_AUTH_METHODS: readonly string[] = ['private_key_jwt'];
export const ESIGNET_CLAIMS: readonly string[] = [
  'name',
  'address',
  'gender',
  'birthdate',
  'picture',
  'email',
  'phone_number',
  'individual_id',
  'phone_number_verified',
  'registration_type',
  'updated_at',
];
export const ESIGNET_ACRS: readonly string[] = Object.keys(DEFAULT_ACR_AMRS);

/** The fields of eSignet's client create (ClientDetailCreateRequestV2) and update (…UpdateRequestV2) requests. */
export interface EsignetClientFields {
  clientName?: unknown;
  logoUri?: unknown;
  redirectUris?: unknown;
  grantTypes?: unknown;
  clientAuthMethods?: unknown;
  userClaims?: unknown;
  authContextRefs?: unknown;
  clientNameLangMap?: unknown;
  status?: unknown;
}

/**
 * eSignet's bean validation of a client's fields, with its error codes (ErrorConstants), in a fixed order (eSignet's
 * is Hibernate's, unordered). Used twice: PMS checks a client with it before calling eSignet, so a request eSignet
 * would refuse is answered with eSignet's code without calling it; the local eSignet counterpart checks what it
 * receives with it. `update` adds the status and needs at least one claim, as eSignet's update request does.
 */
export function esignetFieldError(fields: EsignetClientFields, update: boolean): ErrorDefinition | undefined {
  if (!isText(fields.clientName) || fields.clientName.length > 256) return ESIGNET_ERRORS.INVALID_CLIENT_NAME;
  if (!isText(fields.logoUri) || !isUrl(fields.logoUri)) return ESIGNET_ERRORS.INVALID_URI;
  if (!listOf(fields.redirectUris, 1, 5, (uri) => isText(uri) && isUrl(uri))) return ESIGNET_ERRORS.INVALID_REDIRECT_URI;
  if (!listOf(fields.grantTypes, 1, 3, (grant) => ESIGNET_GRANT_TYPES.includes(grant))) return ESIGNET_ERRORS.INVALID_GRANT_TYPE;
  if (!listOf(fields.clientAuthMethods, 1, 3, (method) => ESIGNET_CLIENT_AUTH_METHODS.includes(method))) return ESIGNET_ERRORS.INVALID_CLIENT_AUTH;
  if (!listOf(fields.userClaims, update ? 1 : 0, 30, (claim) => ESIGNET_CLAIMS.includes(claim))) return ESIGNET_ERRORS.INVALID_CLAIM;
  if (!listOf(fields.authContextRefs, 1, 30, (acr) => acr.split(' ').every((value) => ESIGNET_ACRS.includes(value)))) return ESIGNET_ERRORS.INVALID_ACR;
  const nameError = languageMapError(fields.clientNameLangMap);
  if (nameError) return nameError;
  if (update && fields.status !== 'ACTIVE' && fields.status !== 'INACTIVE') return ESIGNET_ERRORS.INVALID_STATUS;
  return undefined;
}

/** eSignet's clientNameLangMap: ISO 639-3 keys (ClientNameLangValidator), values not blank and at most 50 characters. */
function languageMapError(map: unknown): ErrorDefinition | undefined {
  if (map === undefined || map === null) return undefined;
  if (typeof map !== 'object' || Array.isArray(map)) return ESIGNET_ERRORS.INVALID_REQUEST;
  for (const [language, name] of Object.entries(map)) {
    if (!isLanguageCode(language)) return ESIGNET_ERRORS.INVALID_LANGUAGE_CODE;
    if (!isText(name)) return ESIGNET_ERRORS.INVALID_CLIENT_NAME_VALUE;
    if (name.length > 50) return ESIGNET_ERRORS.INVALID_CLIENT_NAME_LENGTH;
  }
  return undefined;
}

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** A three-letter language code the locale data knows (Java's Locale#getISO3Language over its available locales). */
export function isLanguageCode(code: string): boolean {
  if (!/^[a-z]{3}$/.test(code)) return false;
  try {
    return LANGUAGE_NAMES.of(code) !== code;
  } catch {
    return false;
  }
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function listOf(value: unknown, min: number, max: number, valid: (item: string) => boolean): boolean {
  return Array.isArray(value) && value.length >= min && value.length <= max && value.every((item) => typeof item === 'string' && valid(item));
}

/**
 * Apache's UrlValidator with ALLOW_ALL_SCHEMES and ALLOW_LOCAL_URLS, as eSignet's @RedirectURL and Hibernate's @URL
 * use it in spirit: a scheme, `://`, a host, no whitespace (custom schemes of mobile apps are allowed).
 */
export function isUrl(value: string): boolean {
  if (/\s/.test(value) || !/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]/.test(value)) return false;
  try {
    return new URL(value).host.length > 0 || /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[A-Za-z0-9.-]+/.test(value);
  } catch {
    return false;
  }
}
