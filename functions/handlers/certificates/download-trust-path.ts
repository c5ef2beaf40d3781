import { certificateDeps } from '../../adapters/certificate-wiring.js';
import { downloadTrustPath } from '../../domain/certificates/trust-certificates.js';
import { apiHandler } from '../../http/api-handler.js';
import { certificateRoutes } from '../../routes/certificate-routes.js';

export const handler = apiHandler(certificateRoutes.downloadTrustPath, ({ params }) => downloadTrustPath(certificateDeps(), params.certificateId!));
