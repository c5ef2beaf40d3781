import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

// Outside Lambda (tests, npm start, npm run job) EMF blobs would crowd stdout, which some scripts answer on: metrics
// are published in Lambda, or wherever POWERTOOLS_METRICS_DISABLED=false asks for them.
process.env.POWERTOOLS_METRICS_DISABLED ??= process.env.AWS_LAMBDA_FUNCTION_NAME ? 'false' : 'true';

/** Every function's metrics, in CloudWatch's embedded metric format: namespace PMS, dimension `service`. */
export const metrics = new Metrics({ namespace: 'PMS', serviceName: process.env.POWERTOOLS_SERVICE_NAME || 'pms' });

export function count(name: string, value = 1): void {
  metrics.addMetric(name, MetricUnit.Count, value);
}

export function milliseconds(name: string, value: number): void {
  metrics.addMetric(name, MetricUnit.Milliseconds, value);
}
