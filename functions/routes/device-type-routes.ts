import { deviceFilterValueRequest, deviceSearchRequest } from '../schemas/device-types.js';
import { defineRoute } from './route.js';

const entry = (file: string) => `functions/handlers/device-types/${file}.ts`;
const partnerService = { domain: 'partner', service: 'partnermanager' } as const;
const DEVICE_ROLES = ['PARTNER_ADMIN', 'DEVICE_PROVIDER', 'FTM_PROVIDER'] as const;

/** The device type and subtype master data that devices are registered under (MOSIP's `/devicedetail/...` searches). */
export const deviceTypeRoutes = {
  deviceTypeFilterValues: defineRoute({
    ...partnerService,
    operationId: 'deviceTypeFilterValues',
    summary: 'Values of a device type column, each with its type code (the portal lists device types with the column name)',
    method: 'POST',
    tableAccess: 'read',
    path: '/devicedetail/deviceType/filtervalues',
    access: DEVICE_ROLES,
    envelope: 'V1',
    body: deviceFilterValueRequest,
    example: { filters: [{ columnName: 'name', type: 'unique', text: '' }], optionalFilters: [], purpose: 'REGISTRATION' },
    entry: entry('device-type-filter-values'),
  }),
  deviceSubTypeFilterValues: defineRoute({
    ...partnerService,
    operationId: 'deviceSubTypeFilterValues',
    summary: "Values of a device subtype column, each with its subtype code (the portal lists a type's subtypes with the column deviceType)",
    method: 'POST',
    tableAccess: 'read',
    path: '/devicedetail/deviceSubType/filtervalues',
    access: DEVICE_ROLES,
    envelope: 'V1',
    body: deviceFilterValueRequest,
    example: { filters: [{ columnName: 'deviceType', type: 'unique', text: 'Finger' }], optionalFilters: [], purpose: 'REGISTRATION' },
    entry: entry('device-sub-type-filter-values'),
  }),
  searchDeviceSubTypes: defineRoute({
    ...partnerService,
    operationId: 'searchDeviceSubTypes',
    summary: 'Legacy search of the device subtype master data (MOSIP searches subtypes on this device type path)',
    method: 'POST',
    tableAccess: 'read',
    path: '/devicedetail/deviceType/search',
    access: DEVICE_ROLES,
    envelope: 'V1',
    body: deviceSearchRequest,
    example: {
      filters: [{ columnName: 'deviceType', type: 'equals', value: 'Finger' }],
      sort: [{ sortField: 'name', sortType: 'asc' }],
      pagination: { pageStart: 0, pageFetch: 10 },
      purpose: 'REGISTRATION',
    },
    entry: entry('search-device-sub-types'),
  }),
};
