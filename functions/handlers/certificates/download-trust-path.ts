import { apiHandler } from '../../http/api-handler.js';
import { certificateRoutes } from '../../routes/certificate-routes.js';
import { downloadTrustPath } from '../../domain/certificates/trust-certificates.js';
import { certificateDeps } from '../../adapters/certificate-wiring.js';

export const handler = apiHandler(certificateRoutes.downloadTrustPath, ({ params }) => downloadTrustPath(certificateDeps(), params.certificateId!));
