import { verificationDeps } from '../../adapters/wiring.js';
import { verifyPartnerKeys } from '../../domain/verification/verify.js';
import { apiHandler } from '../../http/api-handler.js';
import { verificationRoutes } from '../../routes/verification-routes.js';

export const handler = apiHandler(verificationRoutes.verifyPartnerKeys, ({ body }) => verifyPartnerKeys(verificationDeps(), body));
