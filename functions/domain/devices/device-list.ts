import { DEVICE_ERRORS } from '../../errors/device-errors.js';
import { PARTNER_PAGING_ERRORS } from '../../errors/paging-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import type { DeviceListQuery } from '../../schemas/devices.js';
import type { Caller } from '../caller.js';
import { localDateTime } from '../mosip-dates.js';
import { checkListQuery, type ListDefinition, listPage } from '../search/list-definition.js';
import type { PageV2 } from '../search/v2-lists.js';
import { derivedStatus } from './approval.js';
import type { DeviceDetail } from './device.js';
import type { DeviceDeps } from './ports.js';
import { callerPartners, isDeviceProvider } from './provider-access.js';
import { devicesInScope, EVERY_PROVIDER, organisationNames } from './provider-scope.js';
import type { Sbi } from './sbi.js';
import { devicesLinkedTo } from './sbi-list.js';

/** A device once per SBI it is linked to, or once with no SBI (MOSIP's LEFT JOIN through device_detail_sbi). */
interface DeviceRow {
  device: DeviceDetail;
  orgName: string | null;
  sbi: Sbi | undefined;
}

/** PartnerHelper.deviceAliasToColumnMap and DeviceDetailSummaryRepository's filters (text `LIKE`, status exact). */
const DEVICE_LIST: ListDefinition<DeviceRow> = {
  columns: {
    deviceId: { read: ({ device }) => device.id, filter: 'like', sortable: true },
    sbiId: { read: ({ sbi }) => sbi?.id ?? null, filter: 'like', sortable: true },
    sbiVersion: { read: ({ sbi }) => sbi?.swVersion ?? null, filter: 'like', sortable: true },
    partnerId: { read: ({ device }) => device.deviceProviderId, filter: 'like', sortable: true },
    orgName: { read: ({ orgName }) => orgName, filter: 'like', sortable: true },
    deviceType: { read: ({ device }) => device.deviceTypeCode, filter: 'like', sortable: true },
    deviceSubType: { read: ({ device }) => device.deviceSubTypeCode, filter: 'like', sortable: true },
    make: { read: ({ device }) => device.make, filter: 'like', sortable: true },
    model: { read: ({ device }) => device.model, filter: 'like', sortable: true },
    status: { read: ({ device }) => derivedStatus(device), filter: 'exact', sortable: true },
    createdDateTime: { read: ({ device }) => device.crDtimes, sortable: true },
  },
  defaultOrder: [{ by: ({ device }) => device.crDtimes }, { by: ({ device }) => device.id }, { by: ({ sbi }) => sbi?.crDtimes ?? null }],
  errors: PARTNER_PAGING_ERRORS,
  sortPairError: PARTNER_PAGING_ERRORS.INVALID_SORT_PARAMETERS,
};

/**
 * `GET /devicedetail` (DeviceDetailServiceImpl#getAllDeviceDetails), partner admins: every device, read from the
 * status index (one partition when the status is asked for), joined with its SBIs and provider.
 */
export async function listDevices(deps: DeviceDeps, query: DeviceListQuery): Promise<PageV2<ReturnType<typeof deviceSummary>>> {
  const paging = checkListQuery(DEVICE_LIST, query);
  const devices = await devicesInScope(deps, EVERY_PROVIDER, query.status);
  const sbis = new Map((await deps.devices.sbisByIds([...new Set(devices.flatMap((device) => device.sbiIds))])).map((sbi) => [sbi.id, sbi]));
  const names = await organisationNames(
    deps,
    EVERY_PROVIDER,
    devices.map((device) => device.deviceProviderId),
  );
  const rows = devices.flatMap((device) => {
    const orgName = names.get(device.deviceProviderId) ?? null;
    const linked = device.sbiIds.map((id) => sbis.get(id));
    return linked.length === 0 ? [{ device, orgName, sbi: undefined }] : linked.map((sbi) => ({ device, orgName, sbi }));
  });
  return listPage(DEVICE_LIST, rows, query, paging, deviceSummary);
}

/** DeviceDetailSummaryDto. */
function deviceSummary({ device, orgName, sbi }: DeviceRow) {
  return {
    deviceId: device.id,
    partnerId: device.deviceProviderId,
    orgName,
    deviceType: device.deviceTypeCode,
    deviceSubType: device.deviceSubTypeCode,
    status: derivedStatus(device),
    make: device.make,
    model: device.model,
    createdDateTime: localDateTime(device.crDtimes),
    sbiId: sbi?.id ?? null,
    sbiVersion: sbi?.swVersion ?? null,
  };
}

/**
 * `GET /securebiometricinterface/{sbiId}/devices` (#getAllDevicesForSbi): the caller's partners
 * (PMS_CERTIFICATE_ERROR_002), the SBI (005), one of the caller's own device providers (019, 003). MOSIP asks the
 * same of admins; ours lets a partner admin read any SBI's devices, as every other admin list does. No devices: the
 * answer stays null, as MOSIP's.
 */
export async function devicesOfSbi(deps: DeviceDeps, caller: Caller, sbiId: string) {
  const owned = await callerPartners(deps, caller);
  const sbi = await deps.devices.getSbi(sbiId);
  if (!sbi) throw new PmsError(DEVICE_ERRORS.SBI_NOT_EXISTS);
  if (!caller.isAdmin) {
    const provider = owned.find((partner) => partner.id === sbi.providerId);
    if (!provider) throw new PmsError(DEVICE_ERRORS.SBI_NOT_ASSOCIATED_WITH_USER);
    if (!isDeviceProvider(provider)) throw new PmsError(DEVICE_ERRORS.INVALID_DEVICE_PARTNER_TYPE);
  }
  const devices = (await devicesLinkedTo(deps, sbi.id)).sort((a, b) => a.crDtimes.localeCompare(b.crDtimes));
  if (devices.length === 0) return null;
  return devices.map((device) => ({
    deviceId: device.id,
    deviceTypeCode: device.deviceTypeCode,
    deviceSubTypeCode: device.deviceSubTypeCode,
    deviceProviderId: device.deviceProviderId,
    make: device.make,
    model: device.model,
    status: device.approvalStatus,
    isActive: device.isActive,
    createdDateTime: localDateTime(device.crDtimes),
  }));
}
