import { PARTNER_PAGING_ERRORS } from '../../errors/paging-errors.js';
import type { PolicyRequestListQuery } from '../../schemas/policy-request-list.js';
import { sqlTimestamp } from '../mosip-dates.js';
import type { Partner } from '../partners/partner.js';
import type { Policy } from '../policies/policy.js';
import type { PolicyGroup } from '../policy-groups/policy-group.js';
import { checkListQuery, type ListDefinition, type ListRequest, listPage } from '../search/list-definition.js';
import type { PageV2 } from '../search/v2-lists.js';
import type { PolicyRequest } from './policy-request.js';

/**
 * One request with what MOSIP left-joins to it (PartnerPolicyMappingRequestRepository
 * #getSummaryOfAllPartnerPolicyRequests): its partner, its policy, and the partner's policy group.
 */
export interface PolicyRequestRow {
  request: PolicyRequest;
  partner: Partner | undefined;
  policy: Policy | undefined;
  group: PolicyGroup | undefined;
}

/**
 * PartnerHelper.partnerPolicyMappingAliasToColumnMap (the accepted `sortFieldName`s, case-sensitive) and the
 * filters of getSummaryOfAllPartnerPolicyRequests: text filters are `LIKE %value%` (a missing partner, policy or
 * group matches nothing), status is exact and case-sensitive (`approved`, `rejected`, `InProgress`). Unsorted
 * rows (and ties) by creation time, then mapping key.
 */
const POLICY_REQUEST_LIST: ListDefinition<PolicyRequestRow> = {
  columns: {
    partnerId: { read: ({ request }) => request.partnerId, filter: 'like', sortable: true },
    partnerType: { read: ({ partner }) => partner?.partnerType ?? null, filter: 'like', sortable: true },
    orgName: { read: ({ partner }) => partner?.organizationName ?? null, filter: 'like', sortable: true },
    // Filtered on the joined policy's id (no policy, no match), sorted by the request's own column.
    policyId: { read: ({ policy }) => policy?.id ?? null, filter: 'like', sortable: true, sortBy: ({ request }) => request.policyId },
    policyGroupName: { read: ({ group }) => group?.name ?? null, filter: 'like', sortable: true },
    policyName: { read: ({ policy }) => policy?.name ?? null, filter: 'like', sortable: true },
    // Code-unit order puts `InProgress` before `approved`; PostgreSQL's collation may not.
    status: { read: ({ request }) => request.status, filter: 'exact', sortable: true },
    requestDetail: { read: ({ request }) => request.requestDetail, sortable: true },
    partnerComment: { read: ({ request }) => request.requestDetail, filter: 'like' },
    createdDateTime: { read: ({ request }) => request.crDtimes, sortable: true },
  },
  defaultOrder: [{ by: ({ request }) => request.crDtimes }, { by: ({ request }) => request.mappingKey }],
  errors: PARTNER_PAGING_ERRORS,
  optionalPaging: true,
};

/**
 * Binds and checks the parameters before anything is read, in MOSIP's order
 * (PartnerManagementServiceImpl#getAllPartnerPolicyRequests, PartnerHelper.validateRequestParameters): Spring
 * binds `Integer pageNo`/`Integer pageSize` (not an int is HTTP 400), then the list's optional-paging rules and
 * its column, sort and page checks (see checkListQuery); our cap refuses pageSize > 100 (PMS_PRT_361).
 */
export function policyRequestListRequest(query: PolicyRequestListQuery): ListRequest {
  return checkListQuery(POLICY_REQUEST_LIST, query);
}

/** One page of requests, sorted only when paged; unpaged, the first rows as one page (see listPage). */
export function policyRequestPage(rows: readonly PolicyRequestRow[], query: PolicyRequestListQuery, request: ListRequest): PageV2<PolicyRequestSummary> {
  return listPage(POLICY_REQUEST_LIST, rows, query, request, policyRequestSummary);
}

/** The partner's state as MOSIP derives it from approval status and activity (null if neither case applies). */
function partnerStatus(partner: Partner | undefined): string | null {
  if (!partner) return null;
  const approvalStatus: string = partner.approvalStatus;
  if (approvalStatus === 'approved') return partner.isActive ? 'activated' : 'deactivated';
  if (approvalStatus === 'InProgress' || approvalStatus === 'rejected') return approvalStatus;
  return null;
}

/** PartnerPolicyRequestSummaryDto (release-1.3.x field order). */
export function policyRequestSummary({ request, partner, policy, group }: PolicyRequestRow) {
  return {
    id: request.mappingKey,
    partnerId: request.partnerId,
    partnerStatus: partnerStatus(partner),
    orgName: partner?.organizationName ?? null,
    policyName: policy?.name ?? null,
    // MOSIP reads the group through the partner (p.policyGroupId, p.policyGroup), not through the policy.
    policyGroupId: partner?.policyGroupId ?? null,
    policyGroupName: group?.name ?? null,
    partnerComment: request.requestDetail,
    status: request.status,
    // java.util.Date in the DTO.
    createdDateTime: sqlTimestamp(request.crDtimes),
    partnerType: partner?.partnerType ?? null,
    policyId: request.policyId,
    updatedDateTime: sqlTimestamp(request.updDtimes),
    policyDescription: policy?.desc ?? null,
    policyGroupDescription: group?.desc ?? null,
  };
}

export type PolicyRequestSummary = ReturnType<typeof policyRequestSummary>;
