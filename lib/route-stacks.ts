import { createHash } from 'node:crypto';
import type { Domain, Route } from '../functions/routes/route.js';

/**
 * How many nested stacks carry each domain's routes. A route costs 7 CloudFormation resources (function, role,
 * policy, log group, integration, route, permission) and a stack may hold 500; the partner domain alone has about
 * 100 MOSIP operations, so it is split. Raising a count moves routes between stacks, which a single deploy cannot
 * do (the moved route's key would exist twice for a moment): see docs/deploy.md.
 */
export const ROUTE_STACKS_PER_DOMAIN: Readonly<Record<Domain, number>> = { platform: 1, policy: 1, partner: 3 };

export interface RouteStackPlan {
  /** Construct id of the nested stack, e.g. `PartnerRoutes2`. */
  id: string;
  routes: Route[];
}

/**
 * Assigns each route to a nested stack of its domain by a hash of its operation id, so adding or removing a route
 * never moves another one.
 */
export function planRouteStacks(routes: readonly Route[]): RouteStackPlan[] {
  const plans = new Map<string, RouteStackPlan>();
  for (const route of routes) {
    const id = routeStackIdOf(route);
    const plan = plans.get(id) ?? { id, routes: [] };
    plan.routes.push(route);
    plans.set(id, plan);
  }
  return [...plans.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function routeStackIdOf(route: Pick<Route, 'domain' | 'operationId'>): string {
  const shard = createHash('sha256').update(route.operationId).digest().readUInt32BE(0) % ROUTE_STACKS_PER_DOMAIN[route.domain];
  return `${route.domain[0]!.toUpperCase()}${route.domain.slice(1)}Routes${shard + 1}`;
}
