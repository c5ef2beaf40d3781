import { userDeps } from '../../adapters/wiring.js';
import { saveUserConsent } from '../../domain/users/consent.js';
import { apiHandler } from '../../http/api-handler.js';
import { userRoutes } from '../../routes/user-routes.js';

export const handler = apiHandler(userRoutes.saveUserConsent, ({ caller }) => saveUserConsent(userDeps(), caller));
