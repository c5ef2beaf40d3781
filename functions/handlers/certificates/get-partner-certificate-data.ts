import { certificateReadDeps } from '../../adapters/certificate-store-wiring.js';
import { getPartnerCertificateData } from '../../domain/certificates/partner-certificate-downloads.js';
import { apiHandler } from '../../http/api-handler.js';
import { certificateRoutes } from '../../routes/certificate-routes.js';

export const handler = apiHandler(certificateRoutes.getPartnerCertificateData, ({ caller, params }) =>
  getPartnerCertificateData(certificateReadDeps(), caller, params.partnerId!),
);
