import { certificateReadDeps } from '../../adapters/certificate-store-wiring.js';
import { getPartnerCertificate } from '../../domain/certificates/partner-certificate-downloads.js';
import { apiHandler } from '../../http/api-handler.js';
import { certificateRoutes } from '../../routes/certificate-routes.js';

export const handler = apiHandler(certificateRoutes.getPartnerCertificate, ({ caller, params }) =>
  getPartnerCertificate(certificateReadDeps(), caller, params.partnerId!),
);
