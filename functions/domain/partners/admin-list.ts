import { PARTNER_PAGING_ERRORS } from '../../errors/paging-errors.js';
import { PARTNER_ERRORS } from '../../errors/partner-errors.js';
import { PmsError, withArguments } from '../../errors/pms-error.js';
import type { AdminPartnersQuery } from '../../schemas/partner-admin.js';
import type { PersonalDataProtector } from '../personal-data/personal-data.js';
import { checkListQuery, type IndexWindow, indexWindow, type ListDefinition, type ListRequest, listPage, windowPage } from '../search/list-definition.js';
import { bindPage, type PageV2, springBoolean } from '../search/v2-lists.js';
import { certificateUploadStatus, type PartnerSummary, type PartnerWithGroupName, partnerSummary } from './admin-views.js';
import type { Partner } from './partner.js';

/**
 * PartnerHelper.partnerAliasToColumnMap (the accepted `sortFieldName`s, case-sensitive) and the filters of
 * PartnerSummaryRepository#getSummaryOfAllPartners. A partner without a group never matches a group name;
 * certificateUploadStatus is `uploaded` or `not_uploaded`, exactly, so any other value matches nothing.
 * `inverted`: MOSIP flips the requested direction for two columns, so `asc` puts partners without a certificate
 * first (NULL aliases lead a descending order) and active partners first (PostgreSQL orders false before true).
 * Unsorted rows (and ties) in registration order, then by id.
 */
const ADMIN_PARTNER_LIST: ListDefinition<PartnerWithGroupName> = {
  columns: {
    partnerId: { read: ({ partner }) => partner.id, filter: 'like', sortable: true },
    partnerType: { read: ({ partner }) => partner.partnerType, filter: 'like', sortable: true },
    orgName: { read: ({ partner }) => partner.organizationName, filter: 'like', sortable: true },
    policyGroupId: { read: ({ partner }) => partner.policyGroupId, sortable: true },
    policyGroupName: { read: ({ groupName }) => groupName, filter: 'like', sortable: true },
    // Filtered by the address's keyed hash, which the query's address is replaced by (listAdminPartners), as MOSIP
    // compares its hash; sortable as MOSIP's map has it, then refused by adminPartnersRequest.
    emailAddress: { read: ({ partner }) => partner.emailLookup, filter: 'exact', sortable: true },
    certificateUploadStatus: {
      read: ({ partner }) => certificateUploadStatus(partner),
      filter: 'exact',
      sortable: 'inverted',
      // Ordered by the alias itself, not by the derived 'uploaded'/'not_uploaded' text.
      sortBy: ({ partner }) => partner.certificateAlias,
    },
    status: { read: ({ partner }) => partner.approvalStatus, sortable: true },
    isActive: { read: ({ partner }) => partner.isActive, filter: 'exact', sortable: 'inverted' },
    createdDateTime: { read: ({ partner }) => partner.crDtimes, sortable: true, sortBy: ({ partner }) => registrationOrder(partner) },
  },
  defaultOrder: [{ by: ({ partner }) => registrationOrder(partner) }],
  errors: PARTNER_PAGING_ERRORS,
  sortPairError: PARTNER_PAGING_ERRORS.INVALID_SORT_PARAMETERS,
  indexed: { column: 'createdDateTime', defaultAscending: true },
};

/** Registration time, then id (ties): the order of the partner index. */
const registrationOrder = (partner: Partner) => `${partner.crDtimes}#${partner.id}`;

/** MOSIP cannot sort by it: the column is encrypted in MOSIP. */
const UNSORTABLE_EMAIL = 'emailAddress';

/** The bound and checked parameters of one `GET /admin-partners` request. */
export interface AdminPartnersRequest {
  paging: ListRequest;
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
  const paging = checkListQuery(ADMIN_PARTNER_LIST, query, page);
  if (query.sortFieldName === UNSORTABLE_EMAIL) throw new PmsError(withArguments(PARTNER_ERRORS.UNSUPPORTED_COLUMN, UNSORTABLE_EMAIL));
  return { paging, isActive, query };
}

/**
 * One page of the admin partner list (PartnerSummaryRepository#getSummaryOfAllPartners): `emailLookup` is the
 * keyed hash of the query's `emailAddress`; only the page's own addresses are revealed.
 */
export async function adminPartnersPage(
  personalData: Pick<PersonalDataProtector, 'reveal'>,
  rows: readonly PartnerWithGroupName[],
  request: AdminPartnersRequest,
  emailLookup: string | undefined,
): Promise<PageV2<PartnerSummary>> {
  const page = listPage(ADMIN_PARTNER_LIST, rows, filtersOf(request, emailLookup), request.paging, (row) => row);
  return revealedPage(personalData, page);
}

const filtersOf = ({ isActive, query }: AdminPartnersRequest, emailLookup: string | undefined) => ({ ...query, emailAddress: emailLookup, isActive });

/** The page as a window of the partner index, when no filter is given and the order is registration time. */
export function adminPartnersWindow(request: AdminPartnersRequest, emailLookup: string | undefined, total: number): IndexWindow | undefined {
  return indexWindow(ADMIN_PARTNER_LIST, filtersOf(request, emailLookup), request.paging, total);
}

/** One page from the rows of its window: only the page's own addresses are revealed. */
export function adminPartnersWindowPage(
  personalData: Pick<PersonalDataProtector, 'reveal'>,
  rows: readonly PartnerWithGroupName[],
  window: IndexWindow,
  request: AdminPartnersRequest,
  total: number,
): Promise<PageV2<PartnerSummary>> {
  return revealedPage(
    personalData,
    windowPage(rows, window, request.paging, total, (row) => row),
  );
}

async function revealedPage(personalData: Pick<PersonalDataProtector, 'reveal'>, page: PageV2<PartnerWithGroupName>): Promise<PageV2<PartnerSummary>> {
  return { ...page, data: await Promise.all(page.data.map(async (row) => partnerSummary(row, await personalData.reveal(row.partner.emailId)))) };
}
