import { ftmChipDeps } from '../../adapters/wiring.js';
import { chipCertificateLegacy } from '../../domain/ftm-chips/chip-certificate-downloads.js';
import { apiHandler } from '../../http/api-handler.js';
import { ftmChipRoutes } from '../../routes/ftm-chip-routes.js';

export const handler = apiHandler(ftmChipRoutes.getFtmChipCertificate, ({ caller, params }) =>
  chipCertificateLegacy(ftmChipDeps(), caller, params.ftpChipDetailId!),
);
