import { certificateDeps } from '../../adapters/certificate-wiring.js';
import { uploadCaCertificates } from '../../domain/certificates/ca-upload.js';
import { apiHandler } from '../../http/api-handler.js';
import { certificateRoutes } from '../../routes/certificate-routes.js';

export const handler = apiHandler(certificateRoutes.uploadCaCertificate, ({ caller, body }) => uploadCaCertificates(certificateDeps(), caller, body));
