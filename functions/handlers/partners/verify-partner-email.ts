import { partnerDeps } from '../../adapters/wiring.js';
import { verifyEmail } from '../../domain/partners/commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { partnerRoutes } from '../../routes/partner-routes.js';

export const handler = apiHandler(partnerRoutes.verifyPartnerEmail, ({ caller, body }) => verifyEmail(partnerDeps(), caller, body.emailId ?? ''));
