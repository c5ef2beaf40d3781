import { localDateTime } from '../mosip-dates.js';
import type { Columns } from '../search/columns.js';
import type { PolicyGroup } from './policy-group.js';

/** PolicyGroupCreateResponseDto (create and update). */
export function policyGroupCreateResponse(group: PolicyGroup) {
  return {
    id: group.id,
    name: group.name,
    desc: group.desc,
    is_Active: group.isActive,
    cr_by: group.crBy,
    cr_dtimes: localDateTime(group.crDtimes),
    up_by: group.updBy,
    upd_dtimes: localDateTime(group.updDtimes),
  };
}

/** The policy_group entity as MOSIP serialises it (get, all, search). */
export function policyGroupEntity(group: PolicyGroup) {
  return {
    id: group.id,
    crBy: group.crBy,
    crDtimes: localDateTime(group.crDtimes),
    delDtimes: null,
    desc: group.desc,
    isActive: group.isActive,
    isDeleted: false,
    name: group.name,
    updBy: group.updBy,
    updDtimes: localDateTime(group.updDtimes),
    // MOSIP overwrites user_id with whoever last changed the group.
    userId: group.updBy ?? group.crBy,
  };
}

export type PolicyGroupEntity = ReturnType<typeof policyGroupEntity>;

/** The columns the legacy search and filter-value endpoints may address (MOSIP PolicyGroup entity fields). */
export const POLICY_GROUP_COLUMNS: Columns<PolicyGroupEntity> = {
  id: { kind: 'string', value: (g) => g.id },
  name: { kind: 'string', value: (g) => g.name },
  desc: { kind: 'string', value: (g) => g.desc },
  isActive: { kind: 'boolean', value: (g) => g.isActive },
  isDeleted: { kind: 'boolean', value: (g) => g.isDeleted },
  crBy: { kind: 'string', value: (g) => g.crBy },
  crDtimes: { kind: 'datetime', value: (g) => g.crDtimes },
  updBy: { kind: 'string', value: (g) => g.updBy },
  updDtimes: { kind: 'datetime', value: (g) => g.updDtimes },
  delDtimes: { kind: 'datetime', value: (g) => g.delDtimes },
  userId: { kind: 'string', value: (g) => g.userId },
};

/** GET /policies/policy-groups item. */
export function activePolicyGroupView(group: PolicyGroup) {
  return { id: group.id, description: group.desc, name: group.name };
}
