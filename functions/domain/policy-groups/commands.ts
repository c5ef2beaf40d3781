import { PmsError, UniqueConstraintError } from '../../errors/pms-error.js';
import { POLICY_ERRORS } from '../../errors/policy-errors.js';
import { REQUEST_ERRORS } from '../../errors/request-errors.js';
import { auditEntry } from '../audit.js';
import { retryOnConflict } from '../retry.js';
import { DEACTIVATE_STATUS } from '../status-words.js';
import type { PolicyGroup } from './policy-group.js';
import type { PolicyGroupDeps } from './ports.js';
import { policyGroupCreateResponse } from './views.js';

const OBJECT_TYPE = 'PolicyGroup';

export async function createPolicyGroup(deps: PolicyGroupDeps, actor: string, input: { name: string; desc: string }) {
  const now = deps.clock.now().toISOString();
  const group: PolicyGroup = {
    id: deps.ids.newId(),
    name: input.name,
    desc: input.desc,
    isActive: true,
    crBy: actor,
    crDtimes: now,
    updBy: null,
    updDtimes: null,
    activePolicyCount: 0,
    draftPolicyCount: 0,
    revision: 0,
  };
  await deps.groups.createGroup(group, auditEntry(actor, 'createPolicyGroup', OBJECT_TYPE, group.id, deps.clock.now())).catch(nameTaken(input.name));
  return policyGroupCreateResponse(group);
}

/**
 * MOSIP's legacy PUT: rename, describe, and toggle `isActive` either way unless active policies exist. An omitted
 * `isActive` counts as a change (MOSIP compares it with `equals`), so it is refused as MOSIP's save of a null
 * status is: PMS_COR_003, after the active-policy check.
 */
export function updatePolicyGroup(
  deps: PolicyGroupDeps,
  actor: string,
  groupId: string,
  input: { name: string; desc: string; isActive?: boolean | null | undefined },
) {
  return retryOnConflict(async () => {
    const current = await deps.groups.getGroup(groupId);
    // MOSIP answers an unknown group here with the policy code PMS_POL_008.
    if (!current) throw new PmsError(POLICY_ERRORS.POLICY_ID_NOT_EXISTS);
    const isActive = input.isActive;
    if (isActive !== current.isActive && current.activePolicyCount > 0) {
      throw new PmsError(POLICY_ERRORS.ACTIVE_POLICY_EXISTS_UNDER_POLICY_GROUP);
    }
    if (isActive === undefined || isActive === null) {
      // MOSIP checks a new name before it fails on the status; elsewhere the name guard of the write does.
      const holder = input.name === current.name ? undefined : await deps.groups.getGroupByName(input.name);
      if (holder && holder.id !== current.id) throw new PmsError(POLICY_ERRORS.POLICY_GROUP_NAME_DUPLICATE, input.name);
      throw new PmsError(REQUEST_ERRORS.INTERNAL_SERVER_ERROR);
    }
    const now = deps.clock.now();
    const next: PolicyGroup = { ...current, name: input.name, desc: input.desc, isActive, updBy: actor, updDtimes: now.toISOString() };
    const details = { fromName: current.name, toName: next.name, isActive };
    await deps.groups.saveGroup(next, current, auditEntry(actor, 'updatePolicyGroup', OBJECT_TYPE, groupId, now, details)).catch(nameTaken(input.name));
    return policyGroupCreateResponse(next);
  });
}

/** The revamp deactivation: only a group with no active and no draft policies. */
export async function deactivatePolicyGroup(deps: PolicyGroupDeps, actor: string, groupId: string, status: string | null | undefined) {
  if (status !== DEACTIVATE_STATUS) throw new PmsError(POLICY_ERRORS.DEACTIVATE_STATUS_CODE);
  return retryOnConflict(async () => {
    const current = await deps.groups.getGroup(groupId);
    if (!current) throw new PmsError(POLICY_ERRORS.POLICY_GROUP_DOES_NOT_EXIST);
    if (!current.isActive) throw new PmsError(POLICY_ERRORS.POLICY_GROUP_ALREADY_DEACTIVATED);
    const { activePolicyCount: active, draftPolicyCount: draft } = current;
    if (active > 0 && draft > 0) throw new PmsError(POLICY_ERRORS.ACTIVE_AND_DRAFT_POLICIES_EXISTS_UNDER_POLICY_GROUP);
    if (active > 0) throw new PmsError(POLICY_ERRORS.ACTIVE_POLICY_EXISTS_UNDER_POLICY_GROUP);
    if (draft > 0) throw new PmsError(POLICY_ERRORS.DRAFT_POLICIES_EXISTS_UNDER_POLICY_GROUP);
    const now = deps.clock.now();
    const next: PolicyGroup = { ...current, isActive: false, updBy: actor, updDtimes: now.toISOString() };
    await deps.groups.saveGroup(next, current, auditEntry(actor, 'deactivatePolicyGroup', OBJECT_TYPE, groupId, now));
    return { policyGroupId: groupId, isActive: false };
  });
}

function nameTaken(name: string) {
  return (error: unknown): never => {
    if (error instanceof UniqueConstraintError) throw new PmsError(POLICY_ERRORS.POLICY_GROUP_NAME_DUPLICATE, name);
    throw error;
  };
}
