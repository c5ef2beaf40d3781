import type { FilterValueRequest, SearchRequest } from '../../schemas/legacy-search.js';
import { localDateTime } from '../mosip-dates.js';
import { booleanColumn, type Columns, dateTimeColumn, stringColumn } from '../search/columns.js';
import { filterValues } from '../search/filter-values.js';
import { type LegacyPage, legacySearch, mapPage } from '../search/legacy-search.js';
import type { DeviceSubType, DeviceType, MasterDataColumns } from './device-type.js';
import type { DeviceTypeMasterData } from './ports.js';

export interface DeviceTypeQueryDeps {
  masterData: DeviceTypeMasterData;
}

/** The audit columns both MOSIP entities declare, by their field names. */
function masterDataColumns<Row extends MasterDataColumns>(): Columns<Row> {
  return {
    isActive: booleanColumn((row) => row.isActive),
    isDeleted: booleanColumn((row) => row.isDeleted),
    crBy: stringColumn((row) => row.crBy),
    crDtimes: dateTimeColumn((row) => row.crDtimes),
    delDtimes: dateTimeColumn((row) => row.delDtimes),
    updBy: stringColumn((row) => row.updBy),
    updDtimes: dateTimeColumn((row) => row.updDtimes),
  };
}

/** RegistrationDeviceType's fields (`desciption` sic). */
const DEVICE_TYPE_COLUMNS: Columns<DeviceType> = {
  code: stringColumn((type) => type.code),
  name: stringColumn((type) => type.name),
  desciption: stringColumn((type) => type.description),
  ...masterDataColumns<DeviceType>(),
};

/** RegistrationDeviceSubType's fields: its type code is the field `deviceType`. */
const DEVICE_SUB_TYPE_COLUMNS: Columns<DeviceSubType> = {
  code: stringColumn((subType) => subType.code),
  deviceType: stringColumn((subType) => subType.deviceTypeCode),
  name: stringColumn((subType) => subType.name),
  desciption: stringColumn((subType) => subType.description),
  ...masterDataColumns<DeviceSubType>(),
};

/** `POST /devicedetail/deviceType/filtervalues`: values of a device type column, each coded by its type's code. */
export async function deviceTypeFilterValues(deps: DeviceTypeQueryDeps, request: FilterValueRequest) {
  return filterValues(byCode(await deps.masterData.deviceTypes()), DEVICE_TYPE_COLUMNS, (type) => type.code, request);
}

/**
 * `POST /devicedetail/deviceSubType/filtervalues`: values of a subtype column, each coded by its subtype's code. The
 * portal lists one type's subtypes with the column `deviceType` and the type's code as text.
 */
export async function deviceSubTypeFilterValues(deps: DeviceTypeQueryDeps, request: FilterValueRequest) {
  return filterValues(byCode(await deps.masterData.deviceSubTypes()), DEVICE_SUB_TYPE_COLUMNS, (subType) => subType.code, request);
}

/**
 * Rows in code order, so that values the (stable) value sort leaves tied come out by code, as Postgres gives them for
 * MOSIP's `SELECT DISTINCT code, <column> … ORDER BY <column>` (the rig expects Finger's subtypes as Single, Slap, Touchless).
 */
function byCode<Row extends { code: string }>(rows: Row[]): Row[] {
  return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** MOSIP RegistrationSubTypeDto as Jackson writes it (`boolean isActive` becomes `active`). */
export interface RegistrationSubTypeView {
  code: string;
  deviceType: string;
  name: string;
  desciption: string;
  active: boolean;
  isDeleted: boolean;
  crBy: string;
  crDtimes: string;
  delDtimes: string | null;
  updBy: string | null;
  updDtimes: string | null;
}

/**
 * `POST /devicedetail/deviceType/search`: despite its path, MOSIP searches the device SUBtype master data
 * (DeviceDetailServiceImpl#searchDeviceType over RegistrationDeviceSubType), active or not.
 */
export async function searchDeviceSubTypes(deps: DeviceTypeQueryDeps, request: SearchRequest): Promise<LegacyPage<RegistrationSubTypeView>> {
  // SearchHelper#filterQuery adds `is_deleted IS NOT TRUE` along with the filters, and only when there are any.
  const notDeleted = (found: DeviceSubType[]) => (request.filters.length > 0 ? found.filter((subType) => !subType.isDeleted) : found);
  const page = legacySearch(await deps.masterData.deviceSubTypes(), DEVICE_SUB_TYPE_COLUMNS, request, notDeleted);
  return mapPage(page, registrationSubTypeView);
}

function registrationSubTypeView(subType: DeviceSubType): RegistrationSubTypeView {
  return {
    code: subType.code,
    deviceType: subType.deviceTypeCode,
    name: subType.name,
    desciption: subType.description,
    active: subType.isActive,
    isDeleted: subType.isDeleted,
    crBy: subType.crBy,
    crDtimes: localDateTime(subType.crDtimes),
    delDtimes: localDateTime(subType.delDtimes),
    updBy: subType.updBy,
    updDtimes: localDateTime(subType.updDtimes),
  };
}
