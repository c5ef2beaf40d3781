import { apiHandler } from '../../http/api-handler.js';
import { certificateRoutes } from '../../routes/certificate-routes.js';
import { pmsCaCertificates } from '../../domain/certificates/trust-certificates.js';
import { certificateDeps } from '../../adapters/certificate-wiring.js';

export const handler = apiHandler(certificateRoutes.pmsCaCertificates, () => pmsCaCertificates(certificateDeps()));
