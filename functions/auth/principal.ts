import { isRole, type Role } from './roles.js';

/** Who is calling, as established by the authorizer from a verified token. */
export interface Principal {
  /** The username (Keycloak `preferred_username`, Cognito `username`): MOSIP's partner ids and what users see. */
  userId: string;
  /** The token's `sub`: the identity provider's stable id for the user, which a rename or a reused name never carries. */
  subject: string;
  email?: string;
  roles: ReadonlySet<Role>;
}

/**
 * The authorizer hands its verdict to functions as flat string values, because API Gateway's
 * simple-response context only carries scalars.
 */
export interface AuthorizerContext {
  [key: string]: string;
  authenticated: 'true' | 'false';
}

export function toAuthorizerContext(principal: Principal | undefined): AuthorizerContext {
  if (!principal) return { authenticated: 'false' };
  return {
    authenticated: 'true',
    userId: principal.userId,
    subject: principal.subject,
    email: principal.email ?? '',
    roles: [...principal.roles].join(','),
  };
}

export function fromAuthorizerContext(context: Record<string, unknown> | undefined): Principal | undefined {
  if (context?.authenticated !== 'true' || typeof context.userId !== 'string' || !context.userId) return undefined;
  if (typeof context.subject !== 'string' || !context.subject) return undefined;
  const roles = typeof context.roles === 'string' ? context.roles.split(',').filter(isRole) : [];
  const email = typeof context.email === 'string' && context.email ? context.email : undefined;
  return { userId: context.userId, subject: context.subject, roles: new Set(roles), ...(email ? { email } : {}) };
}
