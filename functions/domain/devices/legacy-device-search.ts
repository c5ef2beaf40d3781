import type { FilterValueRequest, SearchRequest } from '../../schemas/legacy-search.js';
import type { Caller } from '../caller.js';
import { booleanColumn, type Columns, dateTimeColumn, stringColumn } from '../search/columns.js';
import { filterValues } from '../search/filter-values.js';
import { refuseUnnamedFilters, takeFilter } from '../search/filters.js';
import { EMPTY_PAGE, legacySearch, mapPage } from '../search/legacy-search.js';
import { compareText } from '../search/v2-lists.js';
import type { DeviceDetail } from './device.js';
import type { DeviceDeps } from './ports.js';
import { devicesInScope, organisationNames, providerScope } from './provider-scope.js';

interface DeviceRow {
  device: DeviceDetail;
  orgName: string | null;
}

const unsorted = { sortable: false };

/**
 * DeviceDetail's fields but its subtype relation. MOSIP's re-sort reads DeviceDetailSearchResponseDto, which has no
 * audit columns: those filter but do not sort (PMS-MSD-357).
 */
const DEVICE_COLUMNS: Columns<DeviceRow> = {
  id: stringColumn(({ device }) => device.id),
  deviceTypeCode: stringColumn(({ device }) => device.deviceTypeCode),
  deviceSubTypeCode: stringColumn(({ device }) => device.deviceSubTypeCode),
  deviceProviderId: stringColumn(({ device }) => device.deviceProviderId),
  make: stringColumn(({ device }) => device.make),
  model: stringColumn(({ device }) => device.model),
  approvalStatus: stringColumn(({ device }) => device.approvalStatus),
  partnerOrganizationName: stringColumn(({ orgName }) => orgName),
  isActive: booleanColumn(({ device }) => device.isActive),
  isDeleted: booleanColumn(() => false, unsorted),
  crBy: stringColumn(({ device }) => device.crBy, unsorted),
  crDtimes: dateTimeColumn(({ device }) => device.crDtimes, unsorted),
  delDtimes: dateTimeColumn(() => null, unsorted),
  updBy: stringColumn(({ device }) => device.updBy, unsorted),
  updDtimes: dateTimeColumn(({ device }) => device.updDtimes, unsorted),
};

/** The devices the caller may see (admins every one, providers their own), each with its provider's name. */
async function deviceRows(deps: DeviceDeps, caller: Caller): Promise<DeviceRow[]> {
  const scope = await providerScope(deps, caller);
  const devices = await devicesInScope(deps, scope);
  const names = await organisationNames(
    deps,
    scope,
    devices.map((device) => device.deviceProviderId),
  );
  return devices.map((device) => ({ device, orgName: names.get(device.deviceProviderId) ?? null }));
}

/** DeviceDetailSearchResponseDto. */
function deviceSearchView({ device, orgName }: DeviceRow) {
  return {
    id: device.id,
    deviceProviderId: device.deviceProviderId,
    deviceTypeCode: device.deviceTypeCode,
    deviceSubTypeCode: device.deviceSubTypeCode,
    make: device.make,
    model: device.model,
    partnerOrganizationName: orgName,
    isActive: device.isActive,
    approvalStatus: device.approvalStatus,
  };
}

/**
 * Legacy `POST /devicedetail/search` (DeviceDetailServiceImpl#searchDeviceDetails) over the devices the caller may
 * see: a partner admin's every device, a provider's own (MOSIP's filter on the caller never matches, so it searches
 * every device for anyone). As MOSIP does, the `partnerOrganizationName` filters are taken out (any case) and the
 * first one's value picks the providers of that name, ignoring case, whatever its type; when no provider the caller
 * may see has that name the answer is the empty page before anything else is checked.
 */
export async function searchDevicesLegacy(deps: DeviceDeps, caller: Caller, request: SearchRequest) {
  refuseUnnamedFilters(request.filters);
  const [byOrganisation, filters] = takeFilter(request.filters, 'partnerOrganizationName');
  let rows = await deviceRows(deps, caller);
  if (byOrganisation) {
    const wanted = byOrganisation.value?.toLowerCase();
    rows = rows.filter(({ orgName }) => wanted !== undefined && orgName?.toLowerCase() === wanted);
    if (rows.length === 0) return EMPTY_PAGE;
  }
  return mapPage(legacySearch(rows, DEVICE_COLUMNS, { ...request, filters }), deviceSearchView);
}

/**
 * Legacy `POST /devicedetail/filtervalues` (#deviceFilterValues) over the devices the caller may see. MOSIP selects
 * the device's id, the column, make and model, and answers each row coded by device id with the value
 * "<make> <model>", whatever the column; the text still matches the column, and rows come in the column's order,
 * ties in id order. A boolean column answers true and false, as every filter-values endpoint does.
 */
export async function deviceFilterValues(deps: DeviceDeps, caller: Caller, request: FilterValueRequest) {
  const rows = (await deviceRows(deps, caller)).sort((a, b) => compareText(a.device.id, b.device.id));
  const devices = new Map(rows.map(({ device }) => [device.id, device]));
  const { filters } = filterValues(rows, DEVICE_COLUMNS, ({ device }) => device.id, request);
  return {
    filters: filters.map((value) => {
      const device = devices.get(value.fieldCode);
      return device ? { ...value, fieldValue: `${device.make} ${device.model}` } : value;
    }),
  };
}
