import { validatedUser } from '../../domain/login/validated-user.js';
import { apiHandler } from '../../http/api-handler.js';
import { loginRoutes } from '../../routes/login-routes.js';

export const handler = apiHandler(loginRoutes.validateToken, async ({ principal, cookies }) => validatedUser(principal, cookies));
