import { CREDENTIAL_PARTNER_ERRORS } from '../../errors/credential-partner-errors.js';
import { PARTNER_ERRORS } from '../../errors/partner-errors.js';
import { PmsError, UniqueConstraintError } from '../../errors/pms-error.js';
import type { ExtractorsRequest } from '../../schemas/credential-partners.js';
import { auditEntry } from '../audit.js';
import type { Caller } from '../caller.js';
import { partnerOf } from '../partners/ownership.js';
import type { Partner } from '../partners/partner.js';
import type { Policy } from '../policies/policy.js';
import { retryOnConflict } from '../retry.js';
import type { BiometricExtractor, CredentialTypeMapping } from './credential-partner.js';
import { parseBiometric } from './credential-partner.js';
import { allowedCredentialType, checkMayMapCredentialTypes } from './credential-types.js';
import type { CredentialPartnerDeps } from './ports.js';

const OBJECT_TYPE = 'Partner';

/**
 * Names the policy the credential service uses for this partner and credential type
 * (`POST /partners/{partnerId}/credentialtype/{credentialType}/policies/{policyName}`), in MOSIP's order:
 * credential type, partner (someone else's is missing: PMS_PRT_005; active; of a type that may), policy, and last
 * "already mapped".
 */
export async function mapCredentialTypePolicy(deps: CredentialPartnerDeps, caller: Caller, partnerId: string, credentialTypeInput: string, policyName: string) {
  const credentialType = allowedCredentialType(credentialTypeInput);
  return retryOnConflict(async () => {
    const partner = await partnerOf(deps.partners, caller, partnerId);
    if (!partner.isActive) throw new PmsError(PARTNER_ERRORS.PARTNER_NOT_ACTIVE);
    checkMayMapCredentialTypes(partner.partnerType);
    const now = deps.clock.now();
    const policy = await usablePolicyNamed(deps, partner, policyName, now);
    const mapping: CredentialTypeMapping = { partnerId: partner.id, credentialType, policyId: policy.id, crBy: caller.userId, crDtimes: now.toISOString() };
    const audit = auditEntry(caller.userId, 'mapCredentialTypePolicy', OBJECT_TYPE, partner.id, now, { credentialType, policyId: policy.id });
    await deps.credentialPartners.createMapping(mapping, policy.policyGroupId, audit).catch((error: unknown) => {
      if (error instanceof UniqueConstraintError) throw new PmsError(CREDENTIAL_PARTNER_ERRORS.DUPLICATE_CREDENTIAL_MAPPING);
      throw error;
    });
    return 'Partner, policy and credentialType mapping done successfully.';
  });
}

/**
 * Sets the biometric extractors of a partner under a policy (`POST /partners/{partnerId}/bioextractors/{policyId}`),
 * one per attribute, replacing earlier ones. Needs a request for the policy, and none of them approved yet: the
 * approval is where a partner admin signs off the extractors. MOSIP looks only for the requests, so a missing
 * partner (and here someone else's) has none: PMS_PRT_061.
 */
export function addBiometricExtractors(deps: CredentialPartnerDeps, caller: Caller, partnerId: string, policyId: string, input: ExtractorsRequest) {
  return retryOnConflict(async () => {
    const partner = await partnerOf(deps.partners, caller, partnerId, CREDENTIAL_PARTNER_ERRORS.PARTNER_POLICY_MAPPING_NOT_EXISTS);
    const requests = (await deps.credentialPartners.policyRequestsOf(partner.id)).filter((request) => request.policyId === policyId);
    if (requests.length === 0) throw new PmsError(CREDENTIAL_PARTNER_ERRORS.PARTNER_POLICY_MAPPING_NOT_EXISTS);
    if (requests.some((request) => request.status === 'approved')) throw new PmsError(CREDENTIAL_PARTNER_ERRORS.PARTNER_API_KEY_REQUEST_APPROVED);

    const existing = new Map((await deps.credentialPartners.extractorsOf(partner.id, policyId)).map((extractor) => [extractor.attributeName, extractor]));
    // MOSIP saves the list in order, so of two entries for one attribute the later one stays.
    const latest = new Map(input.extractors.map((entry) => [entry.attributeName, entry]));
    const now = deps.clock.now();
    const at = now.toISOString();
    const extractors = [...latest.values()].map((entry): BiometricExtractor => {
      const { modality, subTypes } = parseBiometric(entry.biometric);
      const previous = existing.get(entry.attributeName);
      return {
        partnerId: partner.id,
        policyId,
        attributeName: entry.attributeName,
        biometricModality: modality,
        biometricSubTypes: subTypes,
        extractorProvider: entry.extractor.provider ?? null,
        extractorProviderVersion: entry.extractor.version ?? null,
        crBy: previous?.crBy ?? caller.userId,
        crDtimes: previous?.crDtimes ?? at,
        updBy: previous ? caller.userId : null,
        updDtimes: previous ? at : null,
      };
    });
    const audit = auditEntry(caller.userId, 'addBiometricExtractors', OBJECT_TYPE, partner.id, now, {
      policyId,
      attributes: extractors.map((e) => e.attributeName).join(','),
    });
    const pending = requests.filter((request) => request.status === 'InProgress');
    await deps.credentialPartners.saveExtractors(extractors, pending, audit);
    return 'Extractors added successfully.';
  });
}

/**
 * The policy of that name in the partner's group, usable for a mapping. MOSIP first looks for an active policy of
 * that name in any group (PMS_PRT_073), then in the partner's group (PMS_PRT_098); we look only in the partner's
 * group and answer PMS_PRT_073 when it has none, so a partner cannot learn other groups' policy names.
 */
async function usablePolicyNamed(deps: CredentialPartnerDeps, partner: Partner, policyName: string, now: Date): Promise<Policy> {
  const policy = partner.policyGroupId ? await deps.credentialPartners.policyInGroupNamed(partner.policyGroupId, policyName) : undefined;
  if (!policy) throw new PmsError(CREDENTIAL_PARTNER_ERRORS.POLICY_NOT_EXIST);
  if (policy.status !== 'activated') throw new PmsError(CREDENTIAL_PARTNER_ERRORS.POLICY_NOT_ACTIVE);
  if (Date.parse(policy.validToDate) < now.getTime()) throw new PmsError(CREDENTIAL_PARTNER_ERRORS.POLICY_EXPIRED);
  const group = await deps.groups.getGroup(policy.policyGroupId);
  if (!group?.isActive) throw new PmsError(PARTNER_ERRORS.POLICY_GROUP_NOT_ACTIVE);
  return policy;
}
