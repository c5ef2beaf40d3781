import type { Route } from '../../routes/route.js';
import { NO_REQUEST_META } from '../envelope.js';
import { errorResponse } from '../error-response.js';
import { lenientMeta, rawBodyOf } from '../request-parser.js';
import type { PipelineMiddleware } from './pipeline-request.js';

/** Any error of the request becomes its MOSIP answer; a request refused before parsing echoes what its body says. */
export function errorMapping(route: Route): PipelineMiddleware {
  return {
    onError: (request) => {
      const { now, parsed, requestId } = request.context.pipeline;
      const meta = parsed && parsed.meta !== NO_REQUEST_META ? parsed.meta : lenientMeta(rawBodyOf(request.event));
      request.response = errorResponse(route, meta, now, request.error, requestId);
    },
  };
}
