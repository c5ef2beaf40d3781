import { CREDENTIAL_PARTNER_ERRORS } from '../../errors/credential-partner-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import type { Caller } from '../caller.js';
import { partnerOf } from '../partners/ownership.js';
import { credentialTypeOf } from './credential-types.js';
import type { CredentialPartnerDeps } from './ports.js';
import { credentialTypePolicy, extractorsView } from './views.js';

type Readers = Pick<CredentialPartnerDeps, 'partners' | 'credentialPartners' | 'policies'>;

/**
 * The policy mapped to a partner's credential type (`GET /partners/{partnerId}/credentialtype/{type}/policies`).
 * MOSIP looks only for the mapping, so a missing partner (and here someone else's) has none: PMS_PRT_064.
 */
export async function getCredentialTypePolicy(deps: Readers, caller: Caller, partnerId: string, credentialTypeInput: string) {
  const partner = await partnerOf(deps.partners, caller, partnerId, CREDENTIAL_PARTNER_ERRORS.NO_DETAILS_FOUND);
  // MOSIP does not check the type here: an unknown one simply has no mapping.
  const credentialType = credentialTypeOf(credentialTypeInput);
  const mapping = credentialType ? await deps.credentialPartners.getMapping(partner.id, credentialType) : undefined;
  if (!mapping) throw new PmsError(CREDENTIAL_PARTNER_ERRORS.NO_DETAILS_FOUND);
  const policy = await deps.policies.getPolicy(mapping.policyId);
  if (!policy) throw new PmsError(CREDENTIAL_PARTNER_ERRORS.POLICY_NOT_EXIST);
  return credentialTypePolicy(partner.id, credentialTypeInput, policy);
}

/** A partner's biometric extractors under a policy (`GET /partners/{partnerId}/bioextractors/{policyId}`); PMS_PRT_064 as above. */
export async function getBiometricExtractors(deps: Readers, caller: Caller, partnerId: string, policyId: string) {
  const partner = await partnerOf(deps.partners, caller, partnerId, CREDENTIAL_PARTNER_ERRORS.NO_DETAILS_FOUND);
  const extractors = await deps.credentialPartners.extractorsOf(partner.id, policyId);
  if (extractors.length === 0) throw new PmsError(CREDENTIAL_PARTNER_ERRORS.NO_DETAILS_FOUND);
  return extractorsView(extractors);
}
