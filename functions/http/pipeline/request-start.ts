import type { PipelineMiddleware } from './pipeline-request.js';

/** Opens the request's state: the instant every answer of the request carries, and API Gateway's request id. */
export const requestStart: PipelineMiddleware = {
  before: (request) => {
    request.context.pipeline = { now: new Date(), requestId: request.event.requestContext?.requestId ?? '' };
  },
};
