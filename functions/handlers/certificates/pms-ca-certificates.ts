import { certificateReadDeps } from '../../adapters/certificate-store-wiring.js';
import { pmsCaCertificates } from '../../domain/certificates/trust-certificates.js';
import { apiHandler } from '../../http/api-handler.js';
import { certificateRoutes } from '../../routes/certificate-routes.js';

export const handler = apiHandler(certificateRoutes.pmsCaCertificates, () => pmsCaCertificates(certificateReadDeps()));
