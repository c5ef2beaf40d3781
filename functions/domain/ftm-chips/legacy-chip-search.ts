import type { SearchRequest } from '../../schemas/legacy-search.js';
import type { Caller } from '../caller.js';
import { providerScope } from '../devices/provider-scope.js';
import { localDateTime } from '../mosip-dates.js';
import { booleanColumn, type Columns, dateTimeColumn, stringColumn } from '../search/columns.js';
import { legacySearch, mapPage } from '../search/legacy-search.js';
import { type ChipRow, chipRows } from './chip-scope.js';
import type { FtmChipDeps } from './ports.js';

/** FTPChipDetail's fields. */
const CHIP_COLUMNS: Columns<ChipRow> = {
  ftpChipDetailId: stringColumn(({ chip }) => chip.id),
  ftpProviderId: stringColumn(({ chip }) => chip.ftpProviderId),
  make: stringColumn(({ chip }) => chip.make),
  model: stringColumn(({ chip }) => chip.model),
  certificateAlias: stringColumn(({ chip }) => chip.certificate?.certificateId ?? null),
  partnerOrganizationName: stringColumn(({ orgName }) => orgName),
  isActive: booleanColumn(({ chip }) => chip.isActive),
  isDeleted: booleanColumn(() => false),
  crBy: stringColumn(({ chip }) => chip.crBy),
  crDtimes: dateTimeColumn(({ chip }) => chip.crDtimes),
  delDtimes: dateTimeColumn(() => null),
  updBy: stringColumn(({ chip }) => chip.updBy),
  updDtimes: dateTimeColumn(({ chip }) => chip.updDtimes),
  approvalStatus: stringColumn(({ chip }) => chip.approvalStatus),
};

/** FTPChipDetail as Jackson writes it from the search: `isActive` and `isDeleted` as `active` and `deleted`. */
function chipSearchView({ chip, orgName }: ChipRow) {
  return {
    ftpChipDetailId: chip.id,
    ftpProviderId: chip.ftpProviderId,
    make: chip.make,
    model: chip.model,
    certificateAlias: chip.certificate?.certificateId ?? null,
    partnerOrganizationName: orgName,
    active: chip.isActive,
    deleted: false,
    crBy: chip.crBy,
    crDtimes: localDateTime(chip.crDtimes),
    delDtimes: null,
    updBy: chip.updBy,
    updDtimes: localDateTime(chip.updDtimes),
    approvalStatus: chip.approvalStatus,
  };
}

/**
 * Legacy `POST /ftpchipdetail/search` (#searchFTPChipDetails) over the chips the caller may see: a partner admin's
 * every chip, a provider's own. MOSIP's scope is inverted (an admin sees only chips whose provider id is their user
 * id, a provider every provider's) and its paging is never applied; ours pages.
 */
export async function searchChipsLegacy(deps: FtmChipDeps, caller: Caller, request: SearchRequest) {
  const scope = await providerScope(deps, caller);
  const rows = await chipRows(deps, scope);
  return mapPage(legacySearch(rows, CHIP_COLUMNS, request), chipSearchView);
}
