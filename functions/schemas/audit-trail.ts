import * as z from 'zod/mini';
import { AUDITED_OBJECT_TYPES } from '../domain/audit-trail/audit-trail.js';
import { queryWord } from './documented.js';
import { queryValue } from './list-query.js';

/** Query string of `GET /audit-logs`; values are checked by the operation, in order, with their own codes. */
export const auditTrailQuery = z.object({ objectType: queryWord(AUDITED_OBJECT_TYPES), objectId: queryValue, pageNo: queryValue, pageSize: queryValue });
