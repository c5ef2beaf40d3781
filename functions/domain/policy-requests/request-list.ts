import { PARTNER_PAGING_ERRORS } from '../../errors/paging-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import { POLICY_REQUEST_LIST_ERRORS } from '../../errors/policy-request-list-errors.js';
import type { PolicyRequestListQuery } from '../../schemas/policy-request-list.js';
import { sqlTimestamp } from '../mosip-dates.js';
import type { Partner } from '../partners/partner.js';
import type { Policy } from '../policies/policy.js';
import type { PolicyGroup } from '../policy-groups/policy-group.js';
import { checkListQuery, type ListDefinition, listPage } from '../search/list-definition.js';
import { bindPage, MAX_PAGE_SIZE, type PageV2, type SortAndPage } from '../search/v2-lists.js';
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
  // The pair rule is checked by policyRequestListRequest, before the partner service's other pair rules.
  errors: PARTNER_PAGING_ERRORS,
};

/** The bound and checked parameters of one `GET /partner-policy-requests` request. */
export interface PolicyRequestListRequest {
  /** Unpaged (MOSIP `Pageable.unpaged()`) when neither pageNo nor pageSize was given. */
  paged: boolean;
  paging: SortAndPage;
  query: PolicyRequestListQuery;
}

const given = (value: string | undefined) => value !== undefined && value !== '';

/**
 * Binds and checks the parameters before anything is read, in MOSIP's order
 * (PartnerManagementServiceImpl#getAllPartnerPolicyRequests, PartnerHelper.validateRequestParameters):
 * - Spring binds `Integer pageNo`/`Integer pageSize` (absent or empty is null; not an int is HTTP 400);
 * - sortFieldName and sortType come together (PMS_PS_ERROR_007), pageNo and pageSize come together
 *   (PMS_PS_ERROR_006), and sorting needs paging (PMS_PS_ERROR_008);
 * - sortFieldName is a known column (PMS_PRT_357), sortType asc/desc (PMS_PRT_358), pageNo >= 0 (PMS_PRT_360),
 *   pageSize > 0 (PMS_PRT_361) and, our cap, pageSize <= 100 (also PMS_PRT_361: refused, not clamped).
 */
export function policyRequestListRequest(query: PolicyRequestListQuery): PolicyRequestListRequest {
  const page = bindPage(query);
  // Spring hands an empty String parameter over as "" (present), an empty Integer as null (absent).
  if ((query.sortFieldName === undefined) !== (query.sortType === undefined)) {
    throw new PmsError(PARTNER_PAGING_ERRORS.INVALID_SORT_PARAMETERS);
  }
  const paged = given(query.pageNo);
  if (paged !== given(query.pageSize)) throw new PmsError(POLICY_REQUEST_LIST_ERRORS.INVALID_PAGE_PARAMETERS);
  if (query.sortFieldName !== undefined && !paged) throw new PmsError(POLICY_REQUEST_LIST_ERRORS.MISSING_PAGINATION_FOR_SORT);
  // Unpaged, the defaults bindPage filled in pass the page checks untouched.
  const paging = checkListQuery(POLICY_REQUEST_LIST, query, page);
  return { paged, paging, query };
}

/**
 * One page of requests, sorted only when paged (MOSIP applies the Sort to a PageRequest only; sorting unpaged is
 * refused by policyRequestListRequest).
 *
 * Unpaged, MOSIP returns every row. We return at most MAX_PAGE_SIZE (100) rows, the oldest first, as one page:
 * `pageNo` 0, `pageSize` the number of rows returned (as Spring reports an unpaged page), and `totalResults` the
 * number of rows that matched, so a client sees when rows were left out and can page for the rest.
 */
export function policyRequestPage(rows: readonly PolicyRequestRow[], { paged, paging, query }: PolicyRequestListRequest): PageV2<PolicyRequestSummary> {
  if (paged) return listPage(POLICY_REQUEST_LIST, rows, query, paging, policyRequestSummary);
  const page = listPage(POLICY_REQUEST_LIST, rows, query, { pageNo: 0, pageSize: MAX_PAGE_SIZE, sort: undefined }, policyRequestSummary);
  return { ...page, pageSize: page.data.length };
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
