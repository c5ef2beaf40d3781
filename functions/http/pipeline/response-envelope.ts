import type { Route } from '../../routes/route.js';
import { NO_REQUEST_META, responseBody } from '../envelope.js';
import { jsonResponse } from '../error-response.js';
import { HttpReply } from '../http-reply.js';
import type { PipelineMiddleware } from './pipeline-request.js';

/** An operation's result as the HTTP answer: its own reply as is, anything else in the route's MOSIP envelope. */
export function responseEnvelope(route: Route): PipelineMiddleware {
  return {
    after: (request) => {
      const result = request.response;
      if (result instanceof HttpReply) {
        request.response = result.toLambdaResult();
        return;
      }
      const { now, parsed } = request.context.pipeline;
      request.response = jsonResponse(200, route.envelope === 'RAW' ? result : responseBody(route, parsed?.meta ?? NO_REQUEST_META, now, result));
    },
  };
}
