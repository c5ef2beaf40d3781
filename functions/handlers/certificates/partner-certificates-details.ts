import { certificateReadDeps } from '../../adapters/certificate-store-wiring.js';
import { partnerCertificatesDetails } from '../../domain/certificates/partner-certificates-details.js';
import { expiryPeriodOf } from '../../domain/certificates/trust-certificates.js';
import { apiHandler } from '../../http/api-handler.js';
import { certificateRoutes } from '../../routes/certificate-routes.js';

export const handler = apiHandler(certificateRoutes.partnerCertificatesDetails, ({ caller, query }) =>
  partnerCertificatesDetails(certificateReadDeps(), caller, expiryPeriodOf(query.expiryPeriod)),
);
