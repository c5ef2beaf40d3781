import { PARTNER_PAGING_ERRORS } from '../../errors/paging-errors.js';
import type { SbiListQuery } from '../../schemas/devices.js';
import type { Caller } from '../caller.js';
import { localDateTime } from '../mosip-dates.js';
import { checkListQuery, type ListDefinition, listPage } from '../search/list-definition.js';
import type { PageV2 } from '../search/v2-lists.js';
import { derivedStatus } from './approval.js';
import type { DeviceDeps } from './ports.js';
import { callerPartners } from './provider-access.js';
import { organisationNames, type ProviderScope, sbisInScope, scopeOf } from './provider-scope.js';
import { expiryStatus, type Sbi } from './sbi.js';

/** One SBI with its provider's name and the devices linked to it, counted as MOSIP's summary query counts them. */
interface SbiRow {
  sbi: Sbi;
  orgName: string | null;
  associatedDevices: number;
  approvedDevices: number;
  pendingDevices: number;
  expiryStatus: 'expired' | 'valid';
}

/**
 * PartnerHelper.sbiAliasToColumnMap and SbiSummaryRepository's filters: text filters `LIKE %value%`, status and
 * expiry status exact. MOSIP accepts `partnerType` as a sort field its query cannot sort by; we sort it by nothing
 * (the default order). Unsorted: PostgreSQL's order, here oldest first.
 */
const SBI_LIST: ListDefinition<SbiRow> = {
  columns: {
    partnerId: { read: ({ sbi }) => sbi.providerId, filter: 'like', sortable: true },
    orgName: { read: ({ orgName }) => orgName, filter: 'like', sortable: true },
    partnerType: { read: () => null, sortable: true },
    sbiId: { read: ({ sbi }) => sbi.id, filter: 'like', sortable: true },
    sbiVersion: { read: ({ sbi }) => sbi.swVersion, filter: 'like', sortable: true },
    sbiCreatedDateTime: { read: ({ sbi }) => sbi.swCreateDateTime, sortable: true },
    sbiExpiryDateTime: { read: ({ sbi }) => sbi.swExpiryDateTime, sortable: true },
    status: { read: ({ sbi }) => derivedStatus(sbi), filter: 'exact', sortable: true },
    createdDateTime: { read: ({ sbi }) => sbi.crDtimes, sortable: true },
    sbiExpiryStatus: { read: (row) => row.expiryStatus, filter: 'exact', sortable: true },
    countOfAssociatedDevices: { read: (row) => row.associatedDevices, sortable: true },
  },
  defaultOrder: [{ by: ({ sbi }) => sbi.crDtimes }, { by: ({ sbi }) => sbi.id }],
  errors: PARTNER_PAGING_ERRORS,
  sortPairError: PARTNER_PAGING_ERRORS.INVALID_SORT_PARAMETERS,
  optionalPaging: true,
};

/**
 * `GET /securebiometricinterface` (#getAllSbiDetails): partner admins see every SBI (read from the status index),
 * others the SBIs of their own partners (PMS_CERTIFICATE_ERROR_002 without any). Parameters are checked first.
 */
export async function listSbis(deps: DeviceDeps, caller: Caller, query: SbiListQuery): Promise<PageV2<ReturnType<typeof sbiSummary>>> {
  const paging = checkListQuery(SBI_LIST, query);
  const scope = scopeOf(caller, caller.isAdmin ? [] : await callerPartners(deps, caller));
  const sbis = await sbisInScope(deps, scope, query.status);
  return listPage(SBI_LIST, await sbiRows(deps, scope, sbis, deps.clock.now()), query, paging, sbiSummary);
}

async function sbiRows(deps: DeviceDeps, scope: ProviderScope, sbis: readonly Sbi[], now: Date): Promise<SbiRow[]> {
  const names = await organisationNames(
    deps,
    scope,
    sbis.map((sbi) => sbi.providerId),
  );
  return Promise.all(
    sbis.map(async (sbi) => {
      const devices = await devicesLinkedTo(deps, sbi.id);
      return {
        sbi,
        orgName: names.get(sbi.providerId) ?? null,
        associatedDevices: devices.length,
        approvedDevices: devices.filter((device) => derivedStatus(device) === 'approved').length,
        pendingDevices: devices.filter((device) => device.approvalStatus === 'pending_approval').length,
        expiryStatus: expiryStatus(sbi, now),
      };
    }),
  );
}

export async function devicesLinkedTo(deps: Pick<DeviceDeps, 'devices'>, sbiId: string) {
  const links = await deps.devices.linksOfSbi(sbiId);
  return deps.devices.devicesByIds(links.map((link) => link.deviceId));
}

/** SbiSummaryDto. */
function sbiSummary(row: SbiRow) {
  const { sbi } = row;
  return {
    partnerId: sbi.providerId,
    orgName: row.orgName,
    sbiId: sbi.id,
    sbiVersion: sbi.swVersion,
    status: derivedStatus(sbi),
    isActive: sbi.isActive,
    sbiCreatedDateTime: localDateTime(sbi.swCreateDateTime),
    sbiExpiryDateTime: localDateTime(sbi.swExpiryDateTime),
    sbiExpiryStatus: row.expiryStatus,
    countOfAssociatedDevices: row.associatedDevices,
    countOfApprovedDevices: row.approvedDevices,
    countOfPendingDevices: row.pendingDevices,
    createdDateTime: localDateTime(sbi.crDtimes),
  };
}
