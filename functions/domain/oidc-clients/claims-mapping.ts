import { OIDC_CLIENT_ERRORS } from '../../errors/oidc-client-errors.js';
import { PmsError } from '../../errors/pms-error.js';

/**
 * Which OIDC claims a policy's `allowedKycAttributes` give a client: each claim eSignet supports, with the identity
 * attributes that carry it (MOSIP reads this from the deployment's identity-mapping file and eSignet's
 * `claims_supported`; these are eSignet 1.6.1's default claims with MOSIP's default ID schema attributes). A policy
 * attribute that is any of a claim's attributes (case-insensitive) gives the claim.
 */
export const DEFAULT_CLAIM_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  name: ['fullName'],
  gender: ['gender'],
  birthdate: ['dateOfBirth'],
  email: ['email'],
  phone_number: ['phone'],
  picture: ['encodedPhoto', 'face'],
  individual_id: ['individualId', 'UIN', 'VID'],
  address: ['addressLine1', 'addressLine2', 'addressLine3', 'region', 'province', 'postalCode', 'zone', 'city'],
};

/**
 * eSignet 1.6.1's default amr_acr_mapping.json: each authentication method with the factors it needs, and each
 * ACR with the methods it needs. MOSIP's AuthenticationContextRefUtil#getAuthFactors: a method is available when
 * the policy allows every one of its factor types (case-insensitive), an ACR when all of its methods are.
 */
export const DEFAULT_AMR_FACTORS: Readonly<Record<string, readonly string[]>> = {
  PIN: ['PIN'],
  OTP: ['OTP'],
  Wallet: ['WLA'],
  'L1-bio-device': ['BIO'],
  Knowledge: ['KBI'],
  Password: ['PWD'],
  'ID-token': ['IDT'],
};
export const DEFAULT_ACR_AMRS: Readonly<Record<string, readonly string[]>> = {
  'mosip:idp:acr:static-code': ['PIN'],
  'mosip:idp:acr:generated-code': ['OTP'],
  'mosip:idp:acr:linked-wallet': ['Wallet'],
  'mosip:idp:acr:biometrics': ['L1-bio-device'],
  'mosip:idp:acr:knowledge': ['Knowledge'],
  'mosip:idp:acr:password': ['Password'],
  'mosip:idp:acr:id-token': ['ID-token'],
};

export interface ClaimMappings {
  claimAttributes: Readonly<Record<string, readonly string[]>>;
  amrFactors: Readonly<Record<string, readonly string[]>>;
  acrAmrs: Readonly<Record<string, readonly string[]>>;
}

export const DEFAULT_CLAIM_MAPPINGS: ClaimMappings = { claimAttributes: DEFAULT_CLAIM_ATTRIBUTES, amrFactors: DEFAULT_AMR_FACTORS, acrAmrs: DEFAULT_ACR_AMRS };

/**
 * A client's claims and ACR values from its policy, in MOSIP's order of refusals: no claim (PMS_ESI_005), a
 * mandatory auth type (PMS_ESI_003), no ACR (PMS_ESI_006). Claims and ACRs come out in the mappings' order.
 */
export function claimsAndAcrs(policy: unknown, mappings: ClaimMappings = DEFAULT_CLAIM_MAPPINGS): { claims: string[]; acrValues: string[] } {
  const attributes = new Set(entriesOf(policy, 'allowedKycAttributes').map((entry) => lower(entry.attributeName)));
  const claims = Object.entries(mappings.claimAttributes)
    .filter(([, carriers]) => carriers.some((carrier) => attributes.has(carrier.toLowerCase())))
    .map(([claim]) => claim);
  if (claims.length === 0) throw new PmsError(OIDC_CLIENT_ERRORS.PARTNER_HAVING_NO_CLAIMS);
  const authTypes = new Set<string>();
  for (const entry of entriesOf(policy, 'allowedAuthTypes')) {
    if (entry.mandatory === true) throw new PmsError(OIDC_CLIENT_ERRORS.POLICY_HAVING_MANDATORY_AUTHS);
    authTypes.add(lower(entry.authType));
  }
  const methods = new Set(
    Object.entries(mappings.amrFactors)
      .filter(([, factors]) => factors.every((factor) => authTypes.has(factor.toLowerCase())))
      .map(([method]) => method),
  );
  const acrValues = Object.entries(mappings.acrAmrs)
    .filter(([, needed]) => needed.every((method) => methods.has(method)))
    .map(([acr]) => acr);
  if (acrValues.length === 0) throw new PmsError(OIDC_CLIENT_ERRORS.PARTNER_HAVING_NO_ACRVALUES);
  return { claims, acrValues };
}

function entriesOf(policy: unknown, member: string): Record<string, unknown>[] {
  const list = policy && typeof policy === 'object' ? (policy as Record<string, unknown>)[member] : undefined;
  return Array.isArray(list) ? list.filter((entry): entry is Record<string, unknown> => !!entry && typeof entry === 'object') : [];
}

function lower(value: unknown): string {
  return typeof value === 'string' ? value.toLowerCase() : '';
}
