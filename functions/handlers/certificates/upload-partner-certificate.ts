import { apiHandler } from '../../http/api-handler.js';
import { certificateRoutes } from '../../routes/certificate-routes.js';
import { uploadPartnerCertificate } from '../../domain/certificates/partner-certificate-upload.js';
import { certificateDeps } from '../../adapters/certificate-wiring.js';

export const handler = apiHandler(certificateRoutes.uploadPartnerCertificate, ({ caller, body }) => uploadPartnerCertificate(certificateDeps(), caller, body));
