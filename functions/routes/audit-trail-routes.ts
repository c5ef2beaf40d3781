import { AUDIT_TRAIL_ERRORS } from '../errors/audit-trail-errors.js';
import { auditTrailQuery } from '../schemas/audit-trail.js';
import { defineRoute } from './route.js';

/** Beyond MOSIP: the audit trail every change writes, readable by partner admins. */
export const auditTrailRoutes = {
  getAuditTrail: defineRoute({
    operationId: 'getAuditTrail',
    summary: 'Not in MOSIP: the audit records of one object (objectType, objectId), newest first, paged, for partner admins',
    domain: 'partner',
    service: 'partnermanager',
    method: 'GET',
    tableAccess: 'read',
    path: '/audit-logs',
    access: ['PARTNER_ADMIN'],
    envelope: 'V2',
    apiId: 'pms.audit.logs.get',
    query: auditTrailQuery,
    fallbackError: AUDIT_TRAIL_ERRORS.FETCH_ERROR,
    entry: 'functions/handlers/audit-trail/get-audit-trail.ts',
  }),
};
