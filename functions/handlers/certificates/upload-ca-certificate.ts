import { caUploadDeps } from '../../adapters/certificate-store-wiring.js';
import { uploadCaCertificates } from '../../domain/certificates/ca-upload.js';
import { apiHandler } from '../../http/api-handler.js';
import { certificateRoutes } from '../../routes/certificate-routes.js';

export const handler = apiHandler(certificateRoutes.uploadCaCertificate, ({ caller, body }) => uploadCaCertificates(caUploadDeps(), caller, body));
