import { chipCertificateDeps } from '../../adapters/chip-certificate-wiring.js';
import { uploadChipCertificate } from '../../domain/ftm-chips/chip-certificate-upload.js';
import { apiHandler } from '../../http/api-handler.js';
import { ftmChipRoutes } from '../../routes/ftm-chip-routes.js';

export const handler = apiHandler(ftmChipRoutes.uploadFtmChipCertificate, ({ caller, body }) => uploadChipCertificate(chipCertificateDeps(), caller, body));
