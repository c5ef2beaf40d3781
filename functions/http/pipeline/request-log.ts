import { log, logger } from '../../observability/logger.js';
import type { Route } from '../../routes/route.js';
import { correlationIdOf } from './correlation-id.js';
import { refusalCodeOf, statusOf } from './outcome.js';
import type { PipelineMiddleware } from './pipeline-request.js';

/**
 * Names the request on every line it logs (API Gateway's request id, the caller's correlation id, the operation;
 * the authorization adds the user id) and logs how it ended: identifiers and codes only.
 */
export function requestLog(route: Route): PipelineMiddleware {
  return {
    before: ({ event, context }) => {
      const { requestId } = context.pipeline;
      logger.appendKeys({ operationId: route.operationId, requestId, correlationId: correlationIdOf(event.headers, requestId) });
    },
    after: ({ response }) => {
      const status = statusOf(response) ?? 200;
      if (status >= 500) log('WARN', 'operation failed', { status });
      // A health probe every few seconds would bury the lines that matter.
      else log(route.tableAccess === 'probe' ? 'DEBUG' : 'INFO', 'operation succeeded', { status });
    },
    onError: ({ response }) => {
      log('INFO', 'operation refused', { status: statusOf(response), errorCode: refusalCodeOf(response) });
    },
  };
}
