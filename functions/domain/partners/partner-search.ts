import { PARTNER_ERRORS } from '../../errors/partner-errors.js';
import { PmsError, withArguments } from '../../errors/pms-error.js';
import type { FilterValueRequest, SearchRequest } from '../../schemas/legacy-search.js';
import type { Caller } from '../caller.js';
import { localDateTime } from '../mosip-dates.js';
import type { Columns } from '../search/columns.js';
import { filterValues } from '../search/filter-values.js';
import { legacySearch } from '../search/legacy-search.js';
import type { Partner } from './partner.js';
import { PARTNER_TYPES, type PartnerType, partnerTypeOf } from './partner-types.js';
import type { PartnerRepository } from './ports.js';

/** Personal data MOSIP keeps encrypted, so it can neither filter nor sort on it (KER_PRT_391). */
const PERSONAL_COLUMNS = new Set(['address', 'contactNo', 'emailId']);

/** PartnerSearchResponseDto. */
function partnerSearchRow(partner: Partner) {
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
type PartnerRow = ReturnType<typeof partnerSearchRow>;

const text = (value: (row: PartnerRow) => string | null) => ({ kind: 'string' as const, value });
const PARTNER_COLUMNS: Columns<PartnerRow> = {
  id: text((p) => p.id),
  name: text((p) => p.name),
  policyGroupId: text((p) => p.policyGroupId),
  certificateAlias: text((p) => p.certificateAlias),
  partnerTypeCode: text((p) => p.partnerTypeCode),
  approvalStatus: text((p) => p.approvalStatus),
  crBy: text((p) => p.crBy),
  updBy: text((p) => p.updBy),
  userId: text((p) => p.userId),
  langCode: text((p) => p.langCode),
  isActive: { kind: 'boolean', value: (p) => p.isActive },
  isDeleted: { kind: 'boolean', value: (p) => p.isDeleted },
  crDtimes: { kind: 'datetime', value: (p) => p.crDtimes },
  updDtimes: { kind: 'datetime', value: (p) => p.updDtimes },
  delDtimes: { kind: 'datetime', value: (p) => p.delDtimes },
};

/** Admins search every partner; anyone else only their own (MOSIP means to, but its check never matches). */
async function visiblePartners(partners: Pick<PartnerRepository, 'listPartners' | 'partnersOfUser'>, caller: Caller): Promise<PartnerRow[]> {
  const found = caller.isAdmin ? await partners.listPartners() : await partners.partnersOfUser(caller.userId);
  return found.map(partnerSearchRow);
}

function refusePersonalColumns(columns: (string | null | undefined)[]): void {
  const personal = columns.find((column) => column && PERSONAL_COLUMNS.has(column));
  if (personal) throw new PmsError(withArguments(PARTNER_ERRORS.UNSUPPORTED_COLUMN, personal));
}

/** Legacy `POST /partners/search` (deprecated in MOSIP for `GET /admin-partners`, still served). */
export async function searchPartners(
  partners: Pick<PartnerRepository, 'listPartners' | 'partnersOfUser'>,
  caller: Caller,
  request: SearchRequest & { partnerType: string },
) {
  refusePersonalColumns([...request.filters.map((f) => f.columnName), ...request.sort.map((s) => s.sortField)]);
  const type = request.partnerType.toLowerCase() === 'all' ? undefined : (partnerTypeOf(request.partnerType) ?? request.partnerType);
  const rows = (await visiblePartners(partners, caller)).filter((row) => !type || row.partnerTypeCode === type);
  return legacySearch(rows, PARTNER_COLUMNS, request);
}

/** Legacy `POST /partners/filtervalues`: values of partner columns, coded by partner id. */
export async function partnerFilterValues(partners: Pick<PartnerRepository, 'listPartners' | 'partnersOfUser'>, caller: Caller, request: FilterValueRequest) {
  refusePersonalColumns([...request.filters.map((f) => f.columnName), ...(request.optionalFilters ?? []).map((f) => f.columnName)]);
  return filterValues(await visiblePartners(partners, caller), PARTNER_COLUMNS, (row) => row.id, request);
}

/** `POST /partners/partnertype/search`: the partner types, as the portal's filter drop-downs read them. */
export function searchPartnerTypes(request: SearchRequest) {
  const rows = (Object.keys(PARTNER_TYPES) as PartnerType[]).map((code) => ({
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
  }));
  type TypeRow = (typeof rows)[number];
  const columns: Columns<TypeRow> = {
    code: { kind: 'string', value: (t) => t.code },
    partnerDescription: { kind: 'string', value: (t) => t.partnerDescription },
    isActive: { kind: 'boolean', value: (t) => t.isActive },
    isPolicyRequired: { kind: 'boolean', value: (t) => t.isPolicyRequired },
  };
  return legacySearch(rows, columns, request);
}
