import type { FilterValueRequest, SearchRequest } from '../../schemas/legacy-search.js';
import type { Caller } from '../caller.js';
import type { Columns } from '../search/columns.js';
import { filterValues } from '../search/filter-values.js';
import { legacySearch } from '../search/legacy-search.js';
import { listMispLicenses } from './commands.js';
import type { MispLicenseDeps } from './ports.js';

type LicenseRow = Awaited<ReturnType<typeof listMispLicenses>>[number];

const text = (value: (row: LicenseRow) => string | null) => ({ kind: 'string' as const, value });
const datetime = (value: (row: LicenseRow) => string | null) => ({ kind: 'datetime' as const, value });
/** MISPLicenseEntity's columns, plus our `licenseId`; not `licenseKey`, which is not stored (only masked on the way out). */
const LICENSE_COLUMNS: Columns<LicenseRow> = {
  licenseId: text((l) => l.licenseId),
  mispId: text((l) => l.mispId),
  policyId: text((l) => l.policyId),
  createdBy: text((l) => l.createdBy),
  updatedBy: text((l) => l.updatedBy),
  isActive: { kind: 'boolean', value: (l) => l.isActive },
  isDeleted: { kind: 'boolean', value: (l) => l.isDeleted },
  validFromDate: datetime((l) => l.validFromDate),
  validToDate: datetime((l) => l.validToDate),
  createdDateTime: datetime((l) => l.createdDateTime),
  updatedDateTime: datetime((l) => l.updatedDateTime),
  deletedDateTime: datetime((l) => l.deletedDateTime),
};

/**
 * Legacy `POST /misps/search` (InfraProviderServiceImpl#search) over the rows `GET /misps` shows the caller: own
 * MISPs' licenses (admins: all), keys masked. MOSIP searches every MISP's licenses for anyone.
 */
export async function searchMispLicenses(deps: MispLicenseDeps, caller: Caller, request: SearchRequest) {
  return legacySearch(await listMispLicenses(deps, caller), LICENSE_COLUMNS, request);
}

/** Legacy `POST /misps/filtervalues`: values of license columns, coded by MISP id as in MOSIP. */
export async function mispLicenseFilterValues(deps: MispLicenseDeps, caller: Caller, request: FilterValueRequest) {
  return filterValues(await listMispLicenses(deps, caller), LICENSE_COLUMNS, (row) => row.mispId, request);
}
