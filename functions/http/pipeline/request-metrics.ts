import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { count, metrics, milliseconds } from '../../observability/metrics.js';
import type { Route } from '../../routes/route.js';
import { refusalCodeOf } from './outcome.js';
import type { PipelineMiddleware, PipelineRequest } from './pipeline-request.js';

/**
 * Per operation: `requests` and `latency`; on a refusal, `refusals` by MOSIP error code (its own EMF blob, as it
 * has one dimension more). Published at the end of the invocation by the pipeline's logMetrics.
 */
export function requestMetrics(route: Route): PipelineMiddleware {
  const measure = ({ context }: PipelineRequest) => {
    count('requests');
    milliseconds('latency', Date.now() - context.pipeline.now.getTime());
  };
  return {
    before: () => {
      metrics.addDimension('operation', route.operationId);
    },
    after: measure,
    onError: (request) => {
      measure(request);
      const refusal = metrics.singleMetric();
      refusal.addDimension('operation', route.operationId).addDimension('errorCode', refusalCodeOf(request.response));
      refusal.addMetric('refusals', MetricUnit.Count, 1);
    },
  };
}
