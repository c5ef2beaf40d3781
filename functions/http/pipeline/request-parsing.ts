import type { Route } from '../../routes/route.js';
import { parseRequest } from '../request-parser.js';
import type { PipelineMiddleware } from './pipeline-request.js';

/** The envelope, body, query and path parameters, validated against the route's schemas. */
export function requestParsing(route: Route): PipelineMiddleware {
  return {
    before: ({ event, context }) => {
      context.pipeline.parsed = parseRequest(route, event, context.pipeline.now);
    },
  };
}
