import { auditTrailDeps } from '../../adapters/wiring.js';
import { auditTrail } from '../../domain/audit-trail/audit-trail.js';
import { apiHandler } from '../../http/api-handler.js';
import { auditTrailRoutes } from '../../routes/audit-trail-routes.js';

export const handler = apiHandler(auditTrailRoutes.getAuditTrail, ({ query }) => auditTrail(auditTrailDeps(), query));
