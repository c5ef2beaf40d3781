import { certificateDeps } from '../../adapters/certificate-wiring.js';
import { partnerCertificatesDetails } from '../../domain/certificates/partner-certificate-downloads.js';
import { expiryPeriodOf } from '../../domain/certificates/trust-certificates.js';
import { apiHandler } from '../../http/api-handler.js';
import { certificateRoutes } from '../../routes/certificate-routes.js';

export const handler = apiHandler(certificateRoutes.partnerCertificatesDetails, ({ caller, query }) =>
  partnerCertificatesDetails(certificateDeps(), caller, expiryPeriodOf(query.expiryPeriod)),
);
