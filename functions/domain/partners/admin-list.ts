import { PARTNER_PAGING_ERRORS } from '../../errors/paging-errors.js';
import { PARTNER_ERRORS } from '../../errors/partner-errors.js';
import { PmsError, withArguments } from '../../errors/pms-error.js';
import type { AdminPartnersQuery } from '../../schemas/partner-admin.js';
import {
  bindPage,
  checkSortAndPage,
  compareNullable,
  compareText,
  containsLike,
  type PageV2,
  pageOf,
  type SortAndPage,
  springBoolean,
} from '../search/v2-lists.js';
import { type PartnerSummary, type PartnerWithGroupName, partnerSummary } from './admin-views.js';

type Compare = (a: PartnerWithGroupName, b: PartnerWithGroupName) => number;

const byText =
  (column: (row: PartnerWithGroupName) => string): Compare =>
  (a, b) =>
    compareText(column(a), column(b));

const byNullableText =
  (column: (row: PartnerWithGroupName) => string | null): Compare =>
  (a, b) =>
    compareNullable(column(a), column(b), compareText);

/**
 * PartnerHelper.partnerAliasToColumnMap: the accepted `sortFieldName`s (case-sensitive) and the column each
 * orders by. `inverted`: MOSIP flips the requested direction for these two, so `asc` puts partners without a
 * certificate first (NULL aliases lead a descending order) and active partners first.
 */
const SORT_COLUMNS: Record<string, { compare: Compare; inverted?: true }> = {
  partnerId: { compare: byText(({ partner }) => partner.id) },
  partnerType: { compare: byText(({ partner }) => partner.partnerType) },
  orgName: { compare: byText(({ partner }) => partner.organizationName) },
  policyGroupId: { compare: byNullableText(({ partner }) => partner.policyGroupId) },
  policyGroupName: { compare: byNullableText(({ groupName }) => groupName) },
  // Ordered by the alias itself, not by the derived 'uploaded'/'not_uploaded' text.
  certificateUploadStatus: { compare: byNullableText(({ partner }) => partner.certificateAlias), inverted: true },
  status: { compare: byText(({ partner }) => partner.approvalStatus) },
  // PostgreSQL orders false before true.
  isActive: { compare: (a, b) => Number(a.partner.isActive) - Number(b.partner.isActive), inverted: true },
  createdDateTime: { compare: byText(({ partner }) => partner.crDtimes) },
};

/** In MOSIP's map too, so it passes the field check, then is refused: the column is encrypted in MOSIP. */
const UNSORTABLE_EMAIL = 'emailAddress';

/** The bound and checked parameters of one `GET /admin-partners` request. */
export interface AdminPartnersRequest {
  paging: SortAndPage;
  isActive: boolean | undefined;
  query: AdminPartnersQuery;
}

/**
 * Binds and checks `GET /admin-partners`'s parameters before anything is read, as MOSIP
 * (PartnerManagementController#getAdminPartners, PartnerManagementServiceImpl#getAdminPartners):
 * - Spring binds pageNo, pageSize (defaults 0 and 8) and isActive first; a value of the wrong type is HTTP 400;
 * - then sortFieldName and sortType must come together (PMS_PS_ERROR_007), sortFieldName must be a known column
 *   (PMS_PRT_357), sortType asc/desc (PMS_PRT_358), pageNo >= 0 (PMS_PRT_360), 0 < pageSize <= 100 (PMS_PRT_361,
 *   our cap);
 * - then sorting by emailAddress is refused (KER_PRT_391).
 */
export function adminPartnersRequest(query: AdminPartnersQuery): AdminPartnersRequest {
  const page = bindPage(query);
  const isActive = springBoolean('isActive', query.isActive);
  const paging = checkSortAndPage(query, page, { ...SORT_COLUMNS, [UNSORTABLE_EMAIL]: null }, PARTNER_PAGING_ERRORS, {
    sortPairError: PARTNER_PAGING_ERRORS.INVALID_SORT_PARAMETERS,
  });
  if (query.sortFieldName === UNSORTABLE_EMAIL) throw new PmsError(withArguments(PARTNER_ERRORS.UNSUPPORTED_COLUMN, UNSORTABLE_EMAIL));
  return { paging, isActive, query };
}

/**
 * One page of the admin partner list (PartnerSummaryRepository#getSummaryOfAllPartners):
 * - partnerId, partnerType, orgName and policyGroupName match as `lower(column) LIKE %lower(value)%` (a partner
 *   without a group never matches a group name);
 * - emailAddress is an exact, case-insensitive match (MOSIP compares the lowercased address or its hash);
 * - certificateUploadStatus is `uploaded` or `not_uploaded`, exactly; any other value matches nothing;
 * - isActive is exact.
 * MOSIP leaves the order of unsorted rows (and of ties) to PostgreSQL; we use registration time, then id.
 */
export function adminPartnersPage(rows: readonly PartnerWithGroupName[], { paging, isActive, query }: AdminPartnersRequest): PageV2<PartnerSummary> {
  const found = rows.filter(filterOf(query, isActive)).sort(byDefaultOrder);
  if (paging.sort) {
    const column = SORT_COLUMNS[paging.sort.field]!;
    const sign = paging.sort.ascending !== Boolean(column.inverted) ? 1 : -1;
    found.sort((a, b) => sign * column.compare(a, b));
  }
  return pageOf(found, paging, partnerSummary);
}

function filterOf(query: AdminPartnersQuery, isActive: boolean | undefined): (row: PartnerWithGroupName) => boolean {
  const tests: ((row: PartnerWithGroupName) => boolean)[] = [];
  const like = (value: string | undefined, column: (row: PartnerWithGroupName) => string | null) => {
    if (value === undefined) return;
    const matches = containsLike(value);
    tests.push((row) => matches(column(row)));
  };
  like(query.partnerId, ({ partner }) => partner.id);
  like(query.partnerType, ({ partner }) => partner.partnerType);
  like(query.orgName, ({ partner }) => partner.organizationName);
  like(query.policyGroupName, ({ groupName }) => groupName);
  const { certificateUploadStatus, emailAddress } = query;
  if (certificateUploadStatus !== undefined) {
    tests.push(({ partner }) => (partner.certificateAlias === null ? certificateUploadStatus === 'not_uploaded' : certificateUploadStatus === 'uploaded'));
  }
  if (emailAddress !== undefined) {
    const wanted = emailAddress.trim().toLowerCase();
    tests.push(({ partner }) => partner.emailId.trim().toLowerCase() === wanted);
  }
  if (isActive !== undefined) tests.push(({ partner }) => partner.isActive === isActive);
  return (row) => tests.every((test) => test(row));
}

function byDefaultOrder(a: PartnerWithGroupName, b: PartnerWithGroupName): number {
  return compareText(a.partner.crDtimes, b.partner.crDtimes) || compareText(a.partner.id, b.partner.id);
}
