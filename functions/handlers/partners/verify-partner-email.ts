import { apiHandler } from '../../http/api-handler.js';
import { partnerRoutes } from '../../routes/partner-routes.js';
import { verifyEmail } from '../../domain/partners/commands.js';
import { partnerDeps } from '../../adapters/wiring.js';

export const handler = apiHandler(partnerRoutes.verifyPartnerEmail, ({ body }) => verifyEmail(partnerDeps(), body.emailId ?? ''));
