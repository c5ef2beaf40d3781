import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger } from './logger.js';
import { metrics } from './metrics.js';

// Middy's early timeout would end a run before Lambda's own timeout does; the functions keep Lambda's.
export const KEEP_LAMBDA_TIMEOUT = { timeoutEarlyInMillis: 0 };

/**
 * The outermost middlewares of every function: the Lambda request id on every log line, the keys a run appends
 * dropped at its end, its metrics published at its end (even when it throws).
 */
export function observability() {
  return [injectLambdaContext(logger, { resetKeys: true }), logMetrics(metrics)];
}

/** A non-HTTP function's handler behind the same Logger and Metrics as the routes. */
export function observedHandler<Event, Result>(handler: (event: Event) => Promise<Result>): (event: Event, context?: object) => Promise<Result> {
  const pipeline = middy<Event, Result>(KEEP_LAMBDA_TIMEOUT)
    .use(observability())
    .handler((event) => handler(event));
  return (event, context = {}) => pipeline(event, context as Context);
}
