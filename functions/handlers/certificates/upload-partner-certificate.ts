import { certificateDeps } from '../../adapters/certificate-wiring.js';
import { uploadPartnerCertificate } from '../../domain/certificates/partner-certificate-upload.js';
import { apiHandler } from '../../http/api-handler.js';
import { certificateRoutes } from '../../routes/certificate-routes.js';

export const handler = apiHandler(certificateRoutes.uploadPartnerCertificate, ({ caller, body }) => uploadPartnerCertificate(certificateDeps(), caller, body));
