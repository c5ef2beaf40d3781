import { userDeps } from '../../adapters/wiring.js';
import { getUserConsent } from '../../domain/users/consent.js';
import { apiHandler } from '../../http/api-handler.js';
import { userRoutes } from '../../routes/user-routes.js';

export const handler = apiHandler(userRoutes.getUserConsent, ({ caller }) => getUserConsent(userDeps(), caller));
