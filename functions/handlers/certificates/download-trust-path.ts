import { certificateReadDeps } from '../../adapters/certificate-store-wiring.js';
import { downloadTrustPath } from '../../domain/certificates/trust-path-download.js';
import { apiHandler } from '../../http/api-handler.js';
import { certificateRoutes } from '../../routes/certificate-routes.js';

export const handler = apiHandler(certificateRoutes.downloadTrustPath, ({ params }) => downloadTrustPath(certificateReadDeps(), params.certificateId!));
