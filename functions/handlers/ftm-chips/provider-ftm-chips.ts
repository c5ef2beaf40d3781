import { ftmChipDeps } from '../../adapters/wiring.js';
import { providerChips } from '../../domain/ftm-chips/chip-lists.js';
import { apiHandler } from '../../http/api-handler.js';
import { ftmChipRoutes } from '../../routes/ftm-chip-routes.js';

export const handler = apiHandler(ftmChipRoutes.providerFtmChips, ({ caller }) => providerChips(ftmChipDeps(), caller));
