import { pendingApprovals } from '../../adapters/wiring.js';
import { adminDashboardCounts } from '../../domain/partners/admin-queries.js';
import { apiHandler } from '../../http/api-handler.js';
import { partnerAdminRoutes } from '../../routes/partner-admin-routes.js';

export const handler = apiHandler(partnerAdminRoutes.getAdminDashboardCounts, () => adminDashboardCounts({ pendingApprovals: pendingApprovals() }));
