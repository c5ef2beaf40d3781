import * as z from 'zod/mini';
import { filterValueRequest, searchRequest } from './legacy-search.js';

/** MOSIP's `Purpose` enum as Jackson binds it: the exact constant name, or nothing. */
const purposeEnum = z.optional(z.nullable(z.enum(['REGISTRATION', 'AUTH'], { error: 'must be REGISTRATION or AUTH' })));

/** DeviceFilterValueDto: FilterValueDto plus `purpose`, which the device type and subtype lists bind and ignore. */
export const deviceFilterValueRequest = z.extend(filterValueRequest, { purpose: purposeEnum });

/** DeviceSearchDto: SearchDto plus `purpose`, a free string that the device type search ignores. */
export const deviceSearchRequest = z.extend(searchRequest, { purpose: z.optional(z.nullable(z.string({ error: 'must be a string' }))) });

export type DeviceFilterValueRequest = z.output<typeof deviceFilterValueRequest>;
export type DeviceSearchRequest = z.output<typeof deviceSearchRequest>;
