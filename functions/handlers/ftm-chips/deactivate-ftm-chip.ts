import { ftmChipDeps } from '../../adapters/wiring.js';
import { deactivateChip } from '../../domain/ftm-chips/chip-commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { ftmChipRoutes } from '../../routes/ftm-chip-routes.js';

export const handler = apiHandler(ftmChipRoutes.deactivateFtmChip, ({ caller, params, body }) => deactivateChip(ftmChipDeps(), caller, params.ftmId!, body));
