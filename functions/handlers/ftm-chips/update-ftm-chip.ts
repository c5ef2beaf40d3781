import { ftmChipDeps } from '../../adapters/wiring.js';
import { updateChipLegacy } from '../../domain/ftm-chips/chip-commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { ftmChipRoutes } from '../../routes/ftm-chip-routes.js';

export const handler = apiHandler(ftmChipRoutes.updateFtmChip, ({ caller, body }) => updateChipLegacy(ftmChipDeps(), caller, body));
