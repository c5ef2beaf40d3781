import { localDateTime } from '../mosip-dates.js';
import { booleanColumn, type Columns, dateTimeColumn, stringColumn } from '../search/columns.js';
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

/** The PolicyGroup entity's fields, as the legacy search and filter values address them (its search answers the entity itself). */
export const POLICY_GROUP_COLUMNS: Columns<PolicyGroupEntity> = {
  id: stringColumn((g) => g.id),
  crBy: stringColumn((g) => g.crBy),
  crDtimes: dateTimeColumn((g) => g.crDtimes),
  delDtimes: dateTimeColumn((g) => g.delDtimes),
  desc: stringColumn((g) => g.desc),
  isActive: booleanColumn((g) => g.isActive),
  isDeleted: booleanColumn((g) => g.isDeleted),
  name: stringColumn((g) => g.name),
  updBy: stringColumn((g) => g.updBy),
  updDtimes: dateTimeColumn((g) => g.updDtimes),
  userId: stringColumn((g) => g.userId),
};

/** GET /policies/policy-groups item. */
export function activePolicyGroupView(group: PolicyGroup) {
  return { id: group.id, description: group.desc, name: group.name };
}
