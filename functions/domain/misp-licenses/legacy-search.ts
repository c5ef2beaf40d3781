import type { FilterValueRequest, SearchRequest } from '../../schemas/legacy-search.js';
import type { Caller } from '../caller.js';
import { booleanColumn, type Columns, dateTimeColumn, stringColumn } from '../search/columns.js';
import { filterValues } from '../search/filter-values.js';
import { legacySearch } from '../search/legacy-search.js';
import { listMispLicenses } from './commands.js';
import type { MispLicenseDeps } from './ports.js';

type LicenseRow = Awaited<ReturnType<typeof listMispLicenses>>[number];

/** MISPLicenseEntity's fields, plus our `licenseId`; not `licenseKey`, which is stored only hashed (and masked on the way out). */
const LICENSE_COLUMNS: Columns<LicenseRow> = {
  licenseId: stringColumn((l) => l.licenseId),
  mispId: stringColumn((l) => l.mispId),
  policyId: stringColumn((l) => l.policyId),
  validFromDate: dateTimeColumn((l) => l.validFromDate),
  validToDate: dateTimeColumn((l) => l.validToDate),
  isActive: booleanColumn((l) => l.isActive),
  createdBy: stringColumn((l) => l.createdBy),
  createdDateTime: dateTimeColumn((l) => l.createdDateTime),
  updatedBy: stringColumn((l) => l.updatedBy),
  updatedDateTime: dateTimeColumn((l) => l.updatedDateTime),
  isDeleted: booleanColumn((l) => l.isDeleted),
  deletedDateTime: dateTimeColumn((l) => l.deletedDateTime),
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
