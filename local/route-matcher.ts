import type { Route } from '../functions/routes/route.js';

export interface RouteMatch {
  route: Route;
  /** URL-decoded, as API Gateway passes them. */
  pathParameters: Record<string, string>;
}

/** `{name+}`, API Gateway's greedy path variable: the last segment, matching the rest of the path, slashes included. */
type Segment = { literal: string } | { parameter: string } | { greedy: string };

/**
 * API Gateway HTTP API route selection: the route whose path matches, with literal segments preferred over
 * `{param}` segments from left to right (`GET /policies/group/all` wins over `/policies/group/{policygroupId}`).
 * A path that matches only under another method does not match at all (API Gateway answers 404 for both).
 * A greedy `{name+}` comes last and takes one or more remaining segments.
 */
export function createRouteMatcher(routes: readonly Route[]): (method: string, path: string) => RouteMatch | undefined {
  const compiled = routes.map((route) => ({ route, segments: segmentsOf(route.fullPath) })).sort((a, b) => compareSpecificity(a.segments, b.segments));
  return (method, path) => {
    const requestSegments = path.split('/').slice(1);
    for (const { route, segments } of compiled) {
      if (route.method !== method || !lengthFits(segments, requestSegments.length)) continue;
      const pathParameters = matchSegments(segments, requestSegments);
      if (pathParameters) return { route, pathParameters };
    }
    return undefined;
  };
}

function segmentsOf(fullPath: string): Segment[] {
  return fullPath
    .split('/')
    .slice(1)
    .map((segment) => {
      const parameter = /^\{(.+)\}$/.exec(segment)?.[1];
      if (parameter?.endsWith('+')) return { greedy: parameter.slice(0, -1) };
      return parameter ? { parameter } : { literal: segment };
    });
}

/**
 * Literal before parameter, position by position; a total order (ties broken by length), because Array#sort needs
 * one: comparing only the shared prefix left routes of different lengths "equal" and the order undefined.
 */
function compareSpecificity(a: Segment[], b: Segment[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = rank(a[i]!) - rank(b[i]!);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function rank(segment: Segment): number {
  if ('literal' in segment) return 0;
  return 'parameter' in segment ? 1 : 2;
}

function lengthFits(segments: Segment[], requestLength: number): boolean {
  const last = segments[segments.length - 1];
  return last && 'greedy' in last ? requestLength >= segments.length : requestLength === segments.length;
}

function matchSegments(segments: Segment[], requestSegments: string[]): Record<string, string> | undefined {
  const parameters: Record<string, string> = {};
  for (const [i, segment] of segments.entries()) {
    const actual = requestSegments[i]!;
    if ('literal' in segment) {
      if (segment.literal !== actual) return undefined;
    } else if ('greedy' in segment) {
      const rest = requestSegments.slice(i).join('/');
      if (rest === '') return undefined;
      parameters[segment.greedy] = decodeSegment(rest);
    } else {
      if (actual === '') return undefined;
      parameters[segment.parameter] = decodeSegment(actual);
    }
  }
  return parameters;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
