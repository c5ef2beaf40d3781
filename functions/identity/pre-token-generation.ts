import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';

/**
 * The claims MOSIP's partner portal reads from the access token it gets back from validateToken (pmp-ui-v2
 * HttpService.js), each from the Cognito user attribute that holds it. MOSIP's Keycloak realm maps the same
 * attributes under these names (`addressTest` is MOSIP's spelling).
 */
const PORTAL_CLAIM_ATTRIBUTES = {
  given_name: 'given_name',
  family_name: 'family_name',
  phoneNumber: 'phone_number',
  organizationName: 'custom:organizationName',
  addressTest: 'custom:addressTest',
  partnerType: 'custom:partnerType',
  langCode: 'custom:langCode',
} as const;

/**
 * The portal's profile claims of one Cognito user: `preferred_username` (Keycloak's name for the user name the
 * portal shows), the attributes above that are set, `email` only once verified (our token verifier takes a
 * token's e-mail as the caller's), and `locale`: the user's own, else the MOSIP language code, as MOSIP's realm does.
 */
export function portalClaims(userName: string, attributes: Readonly<Record<string, string>>): Record<string, string> {
  const claims: Record<string, string> = { preferred_username: userName };
  for (const [claim, attribute] of Object.entries(PORTAL_CLAIM_ATTRIBUTES)) {
    const value = attributes[attribute];
    if (value) claims[claim] = value;
  }
  if (attributes.email && attributes.email_verified === 'true') claims.email = attributes.email;
  const locale = attributes.locale || attributes[PORTAL_CLAIM_ATTRIBUTES.langCode];
  if (locale) claims.locale = locale;
  return claims;
}

/** Cognito's pre-token-generation trigger (event V2_0): the portal's claims in both the ID and the access token. */
export async function handler(event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> {
  const claimsToAddOrOverride = portalClaims(event.userName, event.request.userAttributes);
  return {
    ...event,
    response: {
      claimsAndScopeOverrideDetails: {
        idTokenGeneration: { claimsToAddOrOverride },
        accessTokenGeneration: { claimsToAddOrOverride },
      },
    },
  };
}
