import { InactivePolicyGroupError, PmsError, UniqueConstraintError } from '../../errors/pms-error.js';
import { POLICY_ERRORS } from '../../errors/policy-errors.js';
import { REQUEST_ERRORS } from '../../errors/request-errors.js';
import { auditEntry } from '../audit.js';
import { yearsLater } from '../mosip-dates.js';
import type { PolicyGroup } from '../policy-groups/policy-group.js';
import { retryOnConflict } from '../retry.js';
import { ACTIVATION_STATUSES, DEACTIVATE_STATUS, isWordInAnyCase } from '../status-words.js';
import type { Policy } from './policy.js';
import { policyUpdated } from './policy-events.js';
import { validatePolicyJson } from './policy-json/validate-policy-json.js';
import { type PolicyType, policyTypeOf } from './policy-types.js';
import type { PolicyDeps } from './ports.js';
import { policyCreateResponse, policyResponse } from './views.js';

const OBJECT_TYPE = 'Policy';
/** MOSIP's `pmp.policy.schema.url`: a marker stored on publish, for every policy type. */
export const PUBLISHED_SCHEMA_MARKER = 'https://schemas.mosip.io/v1/auth-policy';
const VALIDITY_YEARS = 200;

export interface PolicyContent {
  name: string;
  desc: string;
  version: string;
  policies?: unknown;
}

/** A new draft in an active group (MOSIP `POST /policies`). */
export async function createPolicy(
  deps: PolicyDeps,
  actor: string,
  input: PolicyContent & { policyGroupName: string; policyType: string; policyId?: string | null | undefined },
) {
  const type = policyTypeOf(input.policyType);
  if (!type) throw new PmsError(POLICY_ERRORS.POLICY_TYPE_NOT_ALLOWED);
  const group = await activeGroupNamed(deps, input.policyGroupName);
  return storeDraft(deps, actor, group, type, input, input.policyId || deps.ids.newId());
}

/** Ours, beyond MOSIP: a new draft from an existing policy, in the same or another active group. */
export async function clonePolicy(deps: PolicyDeps, actor: string, policyId: string, input: { policyGroupName: string; name?: string | null | undefined }) {
  const source = await deps.policies.getPolicy(policyId);
  if (!source) throw new PmsError(POLICY_ERRORS.POLICY_ID_NOT_EXISTS);
  const group = await activeGroupNamed(deps, input.policyGroupName);
  const content = { name: input.name || source.name, desc: source.desc, version: source.version, policies: source.policies };
  return storeDraft(deps, actor, group, source.policyType as PolicyType, content, deps.ids.newId());
}

/** Edits a draft in its own group; MOSIP publishes POLICY_UPDATED even for a draft, and so do we. */
export function updatePolicy(deps: PolicyDeps, actor: string, policyId: string, input: PolicyContent & { policyGroupName: string }) {
  return retryOnConflict(async () => {
    const named = await deps.groups.getGroupByName(input.policyGroupName);
    if (!named) throw new PmsError(POLICY_ERRORS.POLICY_GROUP_NAME_NOT_EXISTS);
    const { group, policy } = await mappedPolicy(deps, named.id, policyId);
    if (policy.status !== 'draft') throw new PmsError(POLICY_ERRORS.PUBLISHED_POLICY_NOT_UPDATED);
    validatePolicyJson(policy.policyType as PolicyType, input.policies);
    const now = deps.clock.now();
    const next: Policy = {
      ...policy,
      name: input.name,
      desc: input.desc,
      version: input.version,
      policies: input.policies,
      updBy: actor,
      updDtimes: now.toISOString(),
    };
    await deps.policies
      .updateDraft(next, policy, auditEntry(actor, 'updatePolicy', OBJECT_TYPE, policyId, now), [policyUpdated(next, now, deps.ids)])
      .catch(nameTaken(input.name));
    return policyCreateResponse(next, group.name);
  });
}

/** Draft → activated; announces POLICY_UPDATED. */
export function publishPolicy(deps: PolicyDeps, actor: string, policyId: string, groupId: string) {
  return retryOnConflict(async () => {
    const { group, policy } = await mappedPolicy(deps, groupId, policyId);
    if (policy.status !== 'draft') throw new PmsError(POLICY_ERRORS.POLICY_PUBLISHED);
    const now = deps.clock.now();
    const at = now.toISOString();
    const next: Policy = { ...policy, status: 'activated', schema: PUBLISHED_SCHEMA_MARKER, publishDate: at, updBy: actor, updDtimes: at };
    await deps.policies
      .publish(next, policy, auditEntry(actor, 'publishPolicy', OBJECT_TYPE, policyId, now), [policyUpdated(next, now, deps.ids)])
      .catch(groupInactive);
    return policyResponse(next, group);
  });
}

/**
 * Activated → deactivated, refused while any partner request on it is pending or approved. Unlike MOSIP, which
 * tells nobody, we announce POLICY_UPDATED so IDA stops honouring the policy.
 */
export async function deactivatePolicy(deps: PolicyDeps, actor: string, policyId: string, status: string | null | undefined) {
  if (status !== DEACTIVATE_STATUS) throw new PmsError(POLICY_ERRORS.DEACTIVATE_STATUS_CODE);
  return retryOnConflict(async () => {
    const policy = await deps.policies.getPolicy(policyId);
    if (!policy) throw new PmsError(POLICY_ERRORS.POLICY_DOES_NOT_EXIST);
    if (policy.status === 'draft') throw new PmsError(POLICY_ERRORS.POLICY_NOT_APPROVED);
    if (policy.status === 'deactivated') throw new PmsError(POLICY_ERRORS.POLICY_ALREADY_DEACTIVATED);
    if (policy.approvedRequestCount > 0) throw new PmsError(POLICY_ERRORS.POLICY_HAS_APPROVED_PARTNER_POLICY_REQUEST);
    if (policy.pendingRequestCount > 0) throw new PmsError(POLICY_ERRORS.POLICY_HAS_PENDING_PARTNER_POLICY_REQUEST);
    const now = deps.clock.now();
    const next: Policy = { ...policy, status: 'deactivated', updBy: actor, updDtimes: now.toISOString() };
    await deps.policies.deactivate(next, policy, auditEntry(actor, 'deactivatePolicy', OBJECT_TYPE, policyId, now), [policyUpdated(next, now, deps.ids)]);
    return { policyId, isActive: false };
  });
}

/**
 * MOSIP's legacy status change, a dead end kept for its answers: published policies cannot change
 * (PMS_POL_058), drafts cannot be activated (PMS_POL_054), and deactivating a draft changes nothing (a draft has
 * no API keys, so PMS_POL_057 cannot arise). Nothing changes, so nothing is written or announced. A missing
 * status fails as MOSIP's unguarded `getStatus().toLowerCase()` does: PMS_COR_003.
 */
export async function updatePolicyStatus(deps: PolicyDeps, groupId: string, policyId: string, status: string | null | undefined) {
  if (status === undefined || status === null) throw new PmsError(REQUEST_ERRORS.INTERNAL_SERVER_ERROR);
  const wanted = status.toLowerCase();
  if (!isWordInAnyCase(ACTIVATION_STATUSES, wanted)) throw new PmsError(POLICY_ERRORS.POLICY_STATUS_CODE);
  const { policy } = await mappedPolicy(deps, groupId, policyId);
  if (policy.status !== 'draft') throw new PmsError(POLICY_ERRORS.PUBLISHED_POLICY_STATUS_UPDATE);
  if (wanted === 'active') throw new PmsError(POLICY_ERRORS.DRAFTED_POLICY_NOT_ACTIVE);
  return { message: 'status updated successfully' };
}

async function storeDraft(deps: PolicyDeps, actor: string, group: PolicyGroup, type: PolicyType, content: PolicyContent, id: string) {
  validatePolicyJson(type, content.policies);
  const now = deps.clock.now();
  const at = now.toISOString();
  const policy: Policy = {
    id,
    policyGroupId: group.id,
    name: content.name,
    desc: content.desc,
    policyType: type,
    version: content.version,
    policies: content.policies,
    schema: null,
    status: 'draft',
    validFromDate: at,
    validToDate: yearsLater(at, VALIDITY_YEARS),
    publishDate: null,
    crBy: actor,
    crDtimes: at,
    updBy: null,
    updDtimes: null,
    pendingRequestCount: 0,
    approvedRequestCount: 0,
    revision: 0,
  };
  await deps.policies
    .createDraft(policy, auditEntry(actor, 'createPolicy', OBJECT_TYPE, id, now, { policyGroupId: group.id }))
    .catch((error: unknown) => {
      if (error instanceof UniqueConstraintError && error.constraint === 'policyId') throw new PmsError(REQUEST_ERRORS.INVALID_INPUT_PARAMETER, 'policyId');
      return nameTaken(content.name)(error);
    })
    .catch(groupInactive);
  return policyCreateResponse(policy, group.name);
}

async function activeGroupNamed(deps: PolicyDeps, name: string): Promise<PolicyGroup> {
  const group = await deps.groups.getGroupByName(name);
  if (!group) throw new PmsError(POLICY_ERRORS.POLICY_GROUP_NAME_NOT_EXISTS);
  if (!group.isActive) throw new PmsError(POLICY_ERRORS.POLICY_GROUP_NOT_ACTIVE);
  return group;
}

/** MOSIP checkMappingExists: the group exists and is active, the policy exists and belongs to it. */
async function mappedPolicy(deps: PolicyDeps, groupId: string, policyId: string): Promise<{ group: PolicyGroup; policy: Policy }> {
  const [group, policy] = await Promise.all([deps.groups.getGroup(groupId), deps.policies.getPolicy(policyId)]);
  if (!group) throw new PmsError(POLICY_ERRORS.POLICY_GROUP_ID_NOT_EXISTS);
  if (!group.isActive) throw new PmsError(POLICY_ERRORS.POLICY_GROUP_NOT_ACTIVE);
  if (!policy) throw new PmsError(POLICY_ERRORS.POLICY_ID_NOT_EXISTS);
  if (policy.policyGroupId !== group.id) throw new PmsError(POLICY_ERRORS.POLICY_GROUP_POLICY_NOT_MAPPED);
  return { group, policy };
}

function nameTaken(name: string) {
  return (error: unknown): never => {
    if (error instanceof UniqueConstraintError) throw new PmsError(POLICY_ERRORS.AUTH_POLICY_NAME_DUPLICATE, name);
    throw error;
  };
}

function groupInactive(error: unknown): never {
  if (error instanceof InactivePolicyGroupError) throw new PmsError(POLICY_ERRORS.POLICY_GROUP_NOT_ACTIVE);
  throw error;
}
