import { apiHandler } from '../../http/api-handler.js';
import { verificationRoutes } from '../../routes/verification-routes.js';
import { verifyPartnerKeys } from '../../domain/verification/verify.js';
import { verificationDeps } from '../../adapters/wiring.js';

export const handler = apiHandler(verificationRoutes.verifyPartnerKeys, ({ body }) => verifyPartnerKeys(verificationDeps(), body));
