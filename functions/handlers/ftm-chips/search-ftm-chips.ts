import { ftmChipDeps } from '../../adapters/wiring.js';
import { searchChipsLegacy } from '../../domain/ftm-chips/legacy-chip-search.js';
import { apiHandler } from '../../http/api-handler.js';
import { ftmChipRoutes } from '../../routes/ftm-chip-routes.js';

export const handler = apiHandler(ftmChipRoutes.searchFtmChips, ({ caller, body }) => searchChipsLegacy(ftmChipDeps(), caller, body));
