import type { FilterValueRequest, SearchRequest } from '../../schemas/legacy-search.js';
import type { Caller } from '../caller.js';
import { localDateTime, sqlTimestamp } from '../mosip-dates.js';
import { booleanColumn, type Columns, dateTimeColumn, stringColumn } from '../search/columns.js';
import { filterValues } from '../search/filter-values.js';
import { refuseUnnamedFilters, takeFilter } from '../search/filters.js';
import { legacySearch, mapPage } from '../search/legacy-search.js';
import { compareText } from '../search/v2-lists.js';
import type { DeviceDetail, DeviceSbiLink } from './device.js';
import type { DeviceDeps } from './ports.js';
import { organisationNames, providerScope, sbisInScope } from './provider-scope.js';
import type { Sbi } from './sbi.js';

/** byte[] as Jackson writes it: MOSIP keeps an SBI's hash as the bytes of the text it was given. */
function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

interface SbiRow {
  sbi: Sbi;
  orgName: string | null;
}

/**
 * SecureBiometricInterface's fields. MOSIP's re-sort reads SbiSearchResponseDto, which calls the organisation
 * `partnerOrganizationName`: `partnerOrgName` filters but does not sort (PMS-MSD-357).
 */
const SBI_COLUMNS: Columns<SbiRow> = {
  id: stringColumn(({ sbi }) => sbi.id),
  swBinaryHash: stringColumn(({ sbi }) => sbi.swBinaryHash),
  swVersion: stringColumn(({ sbi }) => sbi.swVersion),
  swCreateDateTime: dateTimeColumn(({ sbi }) => sbi.swCreateDateTime),
  swExpiryDateTime: dateTimeColumn(({ sbi }) => sbi.swExpiryDateTime),
  approvalStatus: stringColumn(({ sbi }) => sbi.approvalStatus),
  isActive: booleanColumn(({ sbi }) => sbi.isActive),
  isDeleted: booleanColumn(() => false),
  crBy: stringColumn(({ sbi }) => sbi.crBy),
  crDtimes: dateTimeColumn(({ sbi }) => sbi.crDtimes),
  delDtimes: dateTimeColumn(() => null),
  updBy: stringColumn(({ sbi }) => sbi.updBy),
  updDtimes: dateTimeColumn(({ sbi }) => sbi.updDtimes),
  providerId: stringColumn(({ sbi }) => sbi.providerId),
  partnerOrgName: stringColumn(({ orgName }) => orgName, { sortable: false }),
};

/** The SBIs the caller may see (admins every one, providers their own), each with its provider's name. */
async function sbiRows(deps: DeviceDeps, caller: Caller): Promise<SbiRow[]> {
  const scope = await providerScope(deps, caller);
  const sbis = await sbisInScope(deps, scope);
  const names = await organisationNames(
    deps,
    scope,
    sbis.map((sbi) => sbi.providerId),
  );
  return sbis.map((sbi) => ({ sbi, orgName: names.get(sbi.providerId) ?? null }));
}

/** SbiSearchResponseDto as Jackson writes it: the hash in Base64, `isDeleted` as `deleted`, no device id. */
function sbiSearchView({ sbi, orgName }: SbiRow) {
  return {
    id: sbi.id,
    swBinaryHash: base64(sbi.swBinaryHash),
    swVersion: sbi.swVersion,
    deviceDetailId: null,
    swCreateDateTime: sbi.swCreateDateTime,
    swExpiryDateTime: sbi.swExpiryDateTime,
    isActive: sbi.isActive,
    approvalStatus: sbi.approvalStatus,
    providerId: sbi.providerId,
    partnerOrganizationName: orgName,
    deleted: false,
    crBy: sbi.crBy,
    crDtimes: localDateTime(sbi.crDtimes),
    delDtimes: null,
    updBy: sbi.updBy,
    updDtimes: localDateTime(sbi.updDtimes),
  };
}

/**
 * Legacy `POST /securebiometricinterface/search` (#searchSecureBiometricInterface) over the SBIs the caller may see:
 * a partner admin's every SBI, a provider's own. MOSIP searches every provider's SBIs for any caller.
 */
export async function searchSbisLegacy(deps: DeviceDeps, caller: Caller, request: SearchRequest) {
  return mapPage(legacySearch(await sbiRows(deps, caller), SBI_COLUMNS, request), sbiSearchView);
}

/**
 * Legacy `POST /securebiometricinterface/filtervalues`: values of an SBI column over the SBIs the caller may see,
 * coded by SBI id as MOSIP's; ties in id order, as PostgreSQL's DISTINCT … ORDER BY returns them.
 */
export async function sbiFilterValues(deps: DeviceDeps, caller: Caller, request: FilterValueRequest) {
  const rows = (await sbiRows(deps, caller)).sort((a, b) => compareText(a.sbi.id, b.sbi.id));
  return filterValues(rows, SBI_COLUMNS, ({ sbi }) => sbi.id, request);
}

interface LinkRow {
  link: DeviceSbiLink;
  sbi: Sbi;
  device: DeviceDetail;
  providerName: string | null;
}

/**
 * DeviceDetailSBI's fields but its composite id. Only `providerId`, `crBy` and `crDtimes` are also fields of
 * MappedDeviceDetailsReponse, so only they sort.
 */
const LINK_COLUMNS: Columns<LinkRow> = {
  providerId: stringColumn(({ link }) => link.providerId),
  partnerName: stringColumn(({ providerName }) => providerName, { sortable: false }),
  isActive: booleanColumn(({ link }) => link.isActive, { sortable: false }),
  isDeleted: booleanColumn(() => false, { sortable: false }),
  crBy: stringColumn(({ link }) => link.crBy),
  crDtimes: dateTimeColumn(({ link }) => link.crDtimes),
  delDtimes: dateTimeColumn(() => null, { sortable: false }),
  updBy: stringColumn(({ link }) => link.updBy, { sortable: false }),
  updDtimes: dateTimeColumn(({ link }) => link.updDtimes, { sortable: false }),
};

/** The links of the SBIs the caller may see (one Query per SBI), each with its device and provider name. */
async function linkRows(deps: DeviceDeps, caller: Caller): Promise<LinkRow[]> {
  const scope = await providerScope(deps, caller);
  const sbis = await sbisInScope(deps, scope);
  const links = (await Promise.all(sbis.map((sbi) => deps.devices.linksOfSbi(sbi.id)))).flat();
  const [devices, names] = await Promise.all([
    deps.devices.devicesByIds(links.map((link) => link.deviceId)),
    organisationNames(
      deps,
      scope,
      sbis.map((sbi) => sbi.providerId),
    ),
  ]);
  const sbiById = new Map(sbis.map((sbi) => [sbi.id, sbi]));
  const deviceById = new Map(devices.map((device) => [device.id, device]));
  return links.flatMap((link) => {
    const sbi = sbiById.get(link.sbiId);
    const device = deviceById.get(link.deviceId);
    return sbi && device ? [{ link, sbi, device, providerName: names.get(link.providerId) ?? null }] : [];
  });
}

/** MappedDeviceDetailsReponse (sic). */
function linkSearchView({ link, sbi, device, providerName }: LinkRow) {
  return {
    deviceDetailId: link.deviceId,
    sbiId: link.sbiId,
    providerId: link.providerId,
    providerName,
    make: device.make,
    model: device.model,
    deviceTypeCode: device.deviceTypeCode,
    deviceSubTypeCode: device.deviceSubTypeCode,
    swBinaryHash: base64(sbi.swBinaryHash),
    swVersion: sbi.swVersion,
    crBy: link.crBy,
    crDtimes: sqlTimestamp(link.crDtimes),
  };
}

/**
 * Legacy `POST /securebiometricinterface/devicedetails/map/search` (#searchMappedDeviceDetails) over the links of
 * the SBIs the caller may see. MOSIP reads every filter's column name first, takes the `deviceDetailId` filters out
 * (any case) and keeps the links of the first one's device (exact value, whatever its type); it does so after paging,
 * which leaves pages short and totals wrong, ours before.
 */
export async function searchDeviceSbiLinks(deps: DeviceDeps, caller: Caller, request: SearchRequest) {
  refuseUnnamedFilters(request.filters);
  const [byDevice, filters] = takeFilter(request.filters, 'deviceDetailId');
  const page = legacySearch(await linkRows(deps, caller), LINK_COLUMNS, { ...request, filters }, (found) =>
    byDevice ? found.filter(({ link }) => link.deviceId === byDevice.value) : found,
  );
  return mapPage(page, linkSearchView);
}
