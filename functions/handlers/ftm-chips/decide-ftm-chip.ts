import { ftmChipDeps } from '../../adapters/wiring.js';
import { decideChip } from '../../domain/ftm-chips/chip-commands.js';
import { apiHandler } from '../../http/api-handler.js';
import { ftmChipRoutes } from '../../routes/ftm-chip-routes.js';

export const handler = apiHandler(ftmChipRoutes.decideFtmChip, ({ caller, body }) => decideChip(ftmChipDeps(), caller, body));
