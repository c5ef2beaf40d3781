import { fromAuthorizerContext, type Principal } from '../../auth/principal.js';
import { logger } from '../../observability/logger.js';
import type { Route } from '../../routes/route.js';
import { AccessDenied, AuthenticationRequired } from '../error-response.js';
import { refuseCrossSiteWrite } from '../same-site.js';
import type { ApiEvent, PipelineMiddleware } from './pipeline-request.js';

const ANONYMOUS: Principal = { userId: 'anonymous', subject: 'anonymous', roles: new Set() };

/** Who calls, from the authorizer's context, held against the route's roles; then the same-site check on writes. */
export function authorization(route: Route): PipelineMiddleware {
  return {
    before: ({ event, context }) => {
      const principal = principalFor(route, event);
      context.pipeline.principal = principal;
      logger.appendKeys({ userId: principal.userId });
      refuseCrossSiteWrite(route, event.headers ?? {});
    },
  };
}

function principalFor(route: Route, event: ApiEvent): Principal {
  if (route.access === 'PUBLIC') return ANONYMOUS;
  const principal = fromAuthorizerContext(event.requestContext?.authorizer?.lambda);
  if (!principal) throw new AuthenticationRequired();
  if (route.access === 'AUTHENTICATED') return principal;
  if (!route.access.some((role) => principal.roles.has(role))) throw new AccessDenied();
  return principal;
}
