import { PARTNER_ERRORS } from '../../errors/partner-errors.js';
import { InactivePolicyError, PmsError, PolicyLinkTakenError } from '../../errors/pms-error.js';
import { POLICY_LINK_ERRORS } from '../../errors/policy-link-errors.js';
import { auditEntry } from '../audit.js';
import type { Caller } from '../caller.js';
import { partnerOf } from '../partners/ownership.js';
import type { Partner } from '../partners/partner.js';
import type { Policy } from '../policies/policy.js';
import { retryOnConflict } from '../retry.js';
import { DECISIONS } from '../status-words.js';
import { type PolicyRequest, policyRequestDecided } from './policy-request.js';
import type { PolicyRequestDeps } from './ports.js';

const OBJECT_TYPE = 'PolicyRequest';
/** MOSIP `pmp.bioextractors.required.partner.types`: these partners need extractors before any decision. */
const EXTRACTORS_REQUIRED_FOR = new Set(['Credential_Partner', 'Online_Verification_Partner']);

/**
 * A partner asks to use a published policy of its own group (MOSIP `POST /partners/{id}/policy/map`,
 * PartnerServiceImpl#requestForPolicyMapping): the partner, then the policy, then an open link, in MOSIP's order.
 */
export async function requestPolicy(deps: PolicyRequestDeps, caller: Caller, partnerId: string, input: { policyName: string; useCaseDescription: string }) {
  const partner = await partnerOf(deps.partners, caller, partnerId);
  if (!partner.isActive) throw new PmsError(PARTNER_ERRORS.PARTNER_NOT_ACTIVE);
  const now = deps.clock.now();
  const policy = await requestablePolicy(deps, partner, input.policyName, now);
  const link = await deps.requests.openLink(partnerId, policy.id);
  if (link) throw linkRefusal(link.status);
  const request: PolicyRequest = {
    mappingKey: deps.ids.newId(),
    partnerId,
    policyId: policy.id,
    status: 'InProgress',
    requestDetail: input.useCaseDescription,
    crBy: caller.userId,
    crDtimes: now.toISOString(),
    updBy: null,
    updDtimes: null,
    revision: 0,
  };
  await deps.requests
    .create(request, auditEntry(caller.userId, 'requestPolicy', OBJECT_TYPE, request.mappingKey, now, { partnerId, policyId: policy.id }))
    .catch(async (error: unknown) => {
      if (error instanceof PolicyLinkTakenError) throw linkRefusal((await deps.requests.openLink(partnerId, policy.id))?.status ?? 'InProgress');
      if (error instanceof InactivePolicyError) throw new PmsError(POLICY_LINK_ERRORS.POLICY_NOT_ACTIVE);
      throw error;
    });
  return { mappingkey: request.mappingKey, message: 'Policy mapping request submitted successfully.' };
}

/**
 * MOSIP #validatePolicyGroupAndPolicy: a name no group holds as an active policy is PMS_PRT_073, then the policy of
 * that name in the partner's group must exist (PMS_PRT_098; a partner without a group has none), be active,
 * unexpired, and in an active group.
 */
async function requestablePolicy(deps: PolicyRequestDeps, partner: Partner, policyName: string, now: Date): Promise<Policy> {
  const policy = partner.policyGroupId ? await deps.policies.getPolicyByName(partner.policyGroupId, policyName) : undefined;
  if (policy?.status !== 'activated' && !(await deps.policies.hasActivePolicyNamed(policyName))) throw new PmsError(POLICY_LINK_ERRORS.POLICY_NOT_EXIST);
  if (!policy) throw new PmsError(POLICY_LINK_ERRORS.POLICY_NOT_IN_PARTNER_GROUP);
  if (policy.status !== 'activated') throw new PmsError(POLICY_LINK_ERRORS.POLICY_NOT_ACTIVE);
  if (policy.validToDate <= now.toISOString()) throw new PmsError(POLICY_LINK_ERRORS.POLICY_EXPIRED);
  if (!(await deps.groups.getGroup(policy.policyGroupId))?.isActive) throw new PmsError(POLICY_LINK_ERRORS.POLICY_GROUP_NOT_ACTIVE);
  return policy;
}

/**
 * A partner admin approves or rejects a pending request (MOSIP `PUT /partners/policy/{mappingkey}`,
 * #approveRejectPartnerPolicyMapping): the request, its extractors and its policy are checked before the status
 * value, as MOSIP does. The decision is a conditional write: of many concurrent decisions exactly one is stored,
 * the others are told it was made.
 */
export async function decidePolicyRequest(deps: PolicyRequestDeps, caller: Caller, mappingKey: string, status: string) {
  return retryOnConflict(async () => {
    const request = await deps.requests.get(mappingKey);
    if (!request) throw new PmsError(POLICY_LINK_ERRORS.REQUEST_DOES_NOT_EXIST);
    if (request.status === 'approved') throw new PmsError(POLICY_LINK_ERRORS.ALREADY_APPROVED);
    if (request.status === 'rejected') throw new PmsError(POLICY_LINK_ERRORS.ALREADY_REJECTED);
    const partner = await deps.partners.getPartner(request.partnerId);
    if (partner && EXTRACTORS_REQUIRED_FOR.has(partner.partnerType) && !(await deps.extractors.hasExtractors(partner.id, request.policyId))) {
      throw new PmsError(POLICY_LINK_ERRORS.EXTRACTORS_NOT_PRESENT);
    }
    const now = deps.clock.now();
    await checkDecidable(deps, await deps.policies.getPolicy(request.policyId), now);
    const decision = status.toLowerCase();
    if (decision !== DECISIONS[0] && decision !== DECISIONS[1]) throw new PmsError(POLICY_LINK_ERRORS.INVALID_STATUS);
    const next: PolicyRequest = { ...request, status: decision, updBy: caller.userId, updDtimes: now.toISOString() };
    const audit = auditEntry(caller.userId, `${decision === 'approved' ? 'approve' : 'reject'}PolicyRequest`, OBJECT_TYPE, mappingKey, now);
    await deps.requests.decide(next, request, audit, [policyRequestDecided(next, now, deps.ids)]);
    return decision === 'approved' ? 'Policy mapping approved successfully' : 'Policy mapping rejected successfully';
  });
}

/** MOSIP #validatePolicy of a decision: the policy exists and is activated, its group exists and is active, unexpired. */
async function checkDecidable(deps: PolicyRequestDeps, policy: Policy | undefined, now: Date): Promise<void> {
  if (!policy) throw new PmsError(POLICY_LINK_ERRORS.POLICY_DOES_NOT_EXIST);
  if (policy.status !== 'activated') throw new PmsError(POLICY_LINK_ERRORS.PARTNER_POLICY_NOT_ACTIVE);
  const group = await deps.groups.getGroup(policy.policyGroupId);
  if (!group) throw new PmsError(POLICY_LINK_ERRORS.POLICY_GROUP_DOES_NOT_EXIST);
  if (!group.isActive) throw new PmsError(POLICY_LINK_ERRORS.POLICY_GROUP_NOT_ACTIVE);
  if (policy.validToDate <= now.toISOString()) throw new PmsError(POLICY_LINK_ERRORS.PARTNER_POLICY_EXPIRED);
}

function linkRefusal(status: 'InProgress' | 'approved'): PmsError {
  return new PmsError(status === 'approved' ? POLICY_LINK_ERRORS.MAPPING_APPROVED : POLICY_LINK_ERRORS.MAPPING_IN_PROGRESS);
}
