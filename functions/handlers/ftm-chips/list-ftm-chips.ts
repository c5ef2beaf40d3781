import { ftmChipDeps } from '../../adapters/wiring.js';
import { listChips } from '../../domain/ftm-chips/chip-lists.js';
import { apiHandler } from '../../http/api-handler.js';
import { ftmChipRoutes } from '../../routes/ftm-chip-routes.js';

export const handler = apiHandler(ftmChipRoutes.listFtmChips, ({ query }) => listChips(ftmChipDeps(), query));
