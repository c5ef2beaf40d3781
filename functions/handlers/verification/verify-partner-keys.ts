import { verificationDeps } from '../../adapters/wiring.js';
import { verifyPartnerKeys } from '../../domain/verification/verify.js';
import { apiHandler } from '../../http/api-handler.js';
import { countingVerdicts } from '../../observability/verdict-metrics.js';
import { verificationRoutes } from '../../routes/verification-routes.js';

export const handler = apiHandler(
  verificationRoutes.verifyPartnerKeys,
  countingVerdicts(({ body }) => verifyPartnerKeys(verificationDeps(), body)),
);
