import { decodeJwt, type JWTPayload } from 'jose';
import type { Principal } from '../../auth/principal.js';
import { cookieToken } from '../../auth/token-source.js';
import { LOGIN_ERRORS } from '../../errors/login-errors.js';
import { PmsError } from '../../errors/pms-error.js';

/**
 * `GET /authorize/admin/validateToken` (LoginController#validateAdminToken): MOSIP's MosipUserDto for the token in the
 * caller's cookie, which the authorizer has already verified. The answer carries that token: the cookie is HttpOnly,
 * and MOSIP's portal reads the user's profile (name, organisation, address…) from the token it gets back here.
 */
export function validatedUser(principal: Principal, cookies: Record<string, string>) {
  const token = cookieToken(cookies);
  if (!token) throw new PmsError(LOGIN_ERRORS.TOKEN_NOT_IN_COOKIES);
  const claims = decodeJwt(token);
  // A header token wins over the cookie when both come: answer only the cookie's token the authorizer verified.
  if (claims.sub !== principal.subject) throw new PmsError(LOGIN_ERRORS.INVALID_TOKEN);
  return {
    userId: principal.userId,
    mobile: text(claims, 'phoneNumber') ?? text(claims, 'phone_number') ?? null,
    mail: principal.email ?? null,
    langCode: text(claims, 'langCode') ?? null,
    userPassword: null,
    name: text(claims, 'name') ?? ([text(claims, 'given_name'), text(claims, 'family_name')].filter(Boolean).join(' ') || principal.userId),
    rId: null,
    role: [...principal.roles].join(','),
    token,
  };
}

function text(claims: JWTPayload, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' && value ? value : undefined;
}
