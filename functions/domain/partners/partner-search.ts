import { PARTNER_ERRORS } from '../../errors/partner-errors.js';
import { PmsError, withArguments } from '../../errors/pms-error.js';
import type { FilterValueRequest, SearchRequest } from '../../schemas/legacy-search.js';
import type { Caller } from '../caller.js';
import { localDateTime } from '../mosip-dates.js';
import { type PersonalDataProtector, type Revealed, revealed } from '../personal-data/personal-data.js';
import { booleanColumn, type Columns, dateTimeColumn, stringColumn } from '../search/columns.js';
import { filterValues } from '../search/filter-values.js';
import { legacySearch } from '../search/legacy-search.js';
import { ownedPartners } from './ownership.js';
import type { Partner } from './partner.js';
import { PARTNER_TYPES, type PartnerType } from './partner-types.js';
import type { PartnerRepository } from './ports.js';

/** Personal data MOSIP keeps encrypted, so it can neither filter nor sort on it (KER_PRT_391). */
const PERSONAL_COLUMNS = new Set(['address', 'contactno', 'emailid']);

/** PartnerSearchResponseDto. */
function partnerSearchRow(partner: Revealed<Partner>) {
  return {
    id: partner.id,
    address: partner.address,
    contactNo: partner.contactNumber,
    crBy: partner.crBy,
    crDtimes: localDateTime(partner.crDtimes),
    delDtimes: null,
    emailId: partner.emailId,
    isActive: partner.isActive,
    isDeleted: false,
    name: partner.organizationName,
    policyGroupId: partner.policyGroupId,
    certificateAlias: partner.certificateAlias,
    partnerTypeCode: partner.partnerType,
    approvalStatus: partner.approvalStatus,
    updBy: partner.updBy,
    updDtimes: localDateTime(partner.updDtimes),
    userId: partner.userId,
    langCode: partner.langCode,
  };
}

/**
 * The Partner entity's fields but the personal ones. `logoUrl` and `additionalInfo` are not in the answer
 * (PartnerSearchResponseDto), so MOSIP's re-sort refuses them.
 */
const PARTNER_COLUMNS: Columns<Partner> = {
  id: stringColumn((p) => p.id),
  crBy: stringColumn((p) => p.crBy),
  crDtimes: dateTimeColumn((p) => p.crDtimes),
  delDtimes: dateTimeColumn(() => null),
  isActive: booleanColumn((p) => p.isActive),
  isDeleted: booleanColumn(() => false),
  name: stringColumn((p) => p.organizationName),
  policyGroupId: stringColumn((p) => p.policyGroupId),
  certificateAlias: stringColumn((p) => p.certificateAlias),
  partnerTypeCode: stringColumn((p) => p.partnerType),
  approvalStatus: stringColumn((p) => p.approvalStatus),
  updBy: stringColumn((p) => p.updBy),
  updDtimes: dateTimeColumn((p) => p.updDtimes),
  userId: stringColumn((p) => p.userId),
  langCode: stringColumn((p) => p.langCode),
  logoUrl: stringColumn((p) => p.logoUrl, { sortable: false }),
  additionalInfo: stringColumn((p) => (p.additionalInfo === undefined || p.additionalInfo === null ? null : JSON.stringify(p.additionalInfo)), {
    sortable: false,
  }),
};

/** Admins search every partner; anyone else only their own (MOSIP means to, but its check never matches). */
async function visiblePartners(partners: Pick<PartnerRepository, 'listPartners' | 'partnersOfUser'>, caller: Caller): Promise<Partner[]> {
  return caller.isAdmin ? partners.listPartners() : ownedPartners(partners, caller);
}

function refusePersonalColumns(columns: (string | null | undefined)[]): void {
  const personal = columns.find((column) => column && PERSONAL_COLUMNS.has(column.toLowerCase()));
  if (personal) throw new PmsError(withArguments(PARTNER_ERRORS.UNSUPPORTED_COLUMN, personal));
}

/**
 * Legacy `POST /partners/search` (deprecated in MOSIP for `GET /admin-partners`, still served): personal columns
 * refused first, then a partner type other than "all" is appended as an `equals` filter on `partnerTypeCode`.
 */
export async function searchPartners(
  partners: Pick<PartnerRepository, 'listPartners' | 'partnersOfUser'>,
  personalData: Pick<PersonalDataProtector, 'reveal'>,
  caller: Caller,
  request: SearchRequest & { partnerType: string },
) {
  refusePersonalColumns([...request.filters.map((f) => f.columnName), ...request.sort.map((s) => s.sortField)]);
  const filters =
    request.partnerType.toLowerCase() === 'all'
      ? request.filters
      : [...request.filters, { columnName: 'partnerTypeCode', type: 'equals', value: request.partnerType }];
  const page = legacySearch(await visiblePartners(partners, caller), PARTNER_COLUMNS, { ...request, filters });
  const data = page.data && (await Promise.all(page.data.map(async (partner) => partnerSearchRow(await revealed(personalData, partner)))));
  return { ...page, data };
}

/**
 * Legacy `POST /partners/filtervalues`: values of partner columns, coded by partner id. Unlike MOSIP, personal
 * columns are refused in the optional filters too (MOSIP compares them encrypted there, which matches nothing).
 */
export async function partnerFilterValues(partners: Pick<PartnerRepository, 'listPartners' | 'partnersOfUser'>, caller: Caller, request: FilterValueRequest) {
  refusePersonalColumns([...request.filters.map((f) => f.columnName), ...(request.optionalFilters ?? []).map((f) => f.columnName)]);
  return filterValues(await visiblePartners(partners, caller), PARTNER_COLUMNS, (row) => row.id, request);
}

/** The PartnerType entity, which its search answers. */
function partnerTypeEntity(code: PartnerType) {
  return {
    code,
    crBy: 'superadmin',
    crDtimes: null,
    delDtimes: null,
    isActive: true,
    isDeleted: false,
    partnerDescription: PARTNER_TYPES[code].description,
    updBy: null,
    updDtimes: null,
    isPolicyRequired: PARTNER_TYPES[code].policyRequired,
  };
}
type PartnerTypeEntity = ReturnType<typeof partnerTypeEntity>;

const PARTNER_TYPE_COLUMNS: Columns<PartnerTypeEntity> = {
  code: stringColumn((t) => t.code),
  crBy: stringColumn((t) => t.crBy),
  crDtimes: dateTimeColumn((t) => t.crDtimes),
  delDtimes: dateTimeColumn((t) => t.delDtimes),
  isActive: booleanColumn((t) => t.isActive),
  isDeleted: booleanColumn((t) => t.isDeleted),
  partnerDescription: stringColumn((t) => t.partnerDescription),
  updBy: stringColumn((t) => t.updBy),
  updDtimes: dateTimeColumn((t) => t.updDtimes),
  isPolicyRequired: booleanColumn((t) => t.isPolicyRequired),
};

/** `POST /partners/partnertype/search`: the partner types, as the portal's filter drop-downs read them. */
export function searchPartnerTypes(request: SearchRequest) {
  const rows = (Object.keys(PARTNER_TYPES) as PartnerType[]).map(partnerTypeEntity);
  return legacySearch(rows, PARTNER_TYPE_COLUMNS, request);
}
