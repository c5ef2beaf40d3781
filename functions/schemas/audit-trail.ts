import * as z from 'zod/mini';
import { queryValue } from './list-query.js';

/** Query string of `GET /audit-logs`; values are checked by the operation, in order, with their own codes. */
export const auditTrailQuery = z.object({ objectType: queryValue, objectId: queryValue, pageNo: queryValue, pageSize: queryValue });
