import { Duration, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  type IWidget,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { FilterPattern, type ILogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct, type IConstruct, type Node } from 'constructs';
import type { JobSchedule } from '../functions/jobs/schedule.js';
import type { ScheduledJobDefinition } from '../functions/jobs/scheduled-job.js';
import { type HttpMethod, type Route, SERVICE_PREFIXES, type Service } from '../functions/routes/route.js';
import type { PmsApi } from './api.js';
import { ADDRESS } from './app-config.js';
import { deadLetterQueuesIn } from './dead-letter-queue.js';
import type { MailDelivery } from './mail-delivery.js';
import type { OperationEndpoint } from './operation-endpoint.js';
import type { OutboxRelay } from './outbox-relay.js';
import type { PmsFunction } from './pms-function.js';
import type { ScheduledJobs } from './scheduled-jobs.js';

/** Where the alarms go by mail (`-c alarmEmail=ops@example.org`); null: the topic only, operators subscribe themselves. */
export function alarmEmailFromContext(node: Node): string | null {
  const value: unknown = node.tryGetContext('alarmEmail');
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string' || !ADDRESS.test(value)) throw new Error(`context "alarmEmail" must be an e-mail address, not ${JSON.stringify(value)}`);
  return value;
}

/** The namespace of the per-service request counts taken from the API's access log (metric filters). */
export const ACCESS_LOG_NAMESPACE = 'PMS/ApiAccessLog';
const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const FIVE_MINUTES = Duration.minutes(5);
/** CloudWatch's limit on the metrics one alarm's metric math may use. */
const MAX_ALARM_METRICS = 10;

/**
 * The functions' own metrics (functions/observability/metrics.ts): EMF in namespace PMS, each with the dimension
 * `service` (POWERTOOLS_SERVICE_NAME, unset: `pms`), route metrics also `operation`, refusals also `errorCode`, job
 * metrics `job`.
 */
export const PMS_METRICS = { namespace: 'PMS', service: 'pms' } as const;

/** The job whose report says whether partition counters drifted (functions/jobs/job-table.ts). */
const COUNT_PARTITIONS_JOB = 'count-partitions';

/** A PMS metric's sum per 5 minutes unless told otherwise. */
function pmsMetric(metricName: string, props: { dimensions?: Record<string, string>; label?: string; period?: Duration } = {}): Metric {
  return new Metric({
    namespace: PMS_METRICS.namespace,
    metricName,
    dimensionsMap: { service: PMS_METRICS.service, ...props.dimensions },
    statistic: 'Sum',
    period: props.period ?? FIVE_MINUTES,
    ...(props.label && { label: props.label }),
  });
}

/**
 * The `limit` series of a PMS metric with the highest sums among all values of `dimensions` (a CloudWatch SEARCH:
 * every operation, error code or job, however many), each labelled by its dimension values.
 */
function pmsTop(metricName: string, dimensions: readonly string[], limit: number, period: Duration = FIVE_MINUTES): MathExpression {
  const schema = [PMS_METRICS.namespace, ...[...dimensions, 'service'].sort()].join(',');
  return new MathExpression({
    expression: `SORT(SEARCH('{${schema}} MetricName="${metricName}" service="${PMS_METRICS.service}"', 'Sum', ${period.toSeconds()}), SUM, DESC, ${limit})`,
    label: dimensions.map((dimension) => `\${PROP('Dim.${dimension}')}`).join(' '),
    period,
  });
}

/** Thresholds, documented in docs/operations.md (Monitoring). */
export const ALARM_THRESHOLDS = {
  /** Percent of a service's requests answered 5xx, over a 5-minute period with at least MIN_REQUESTS requests. */
  serverErrorPercent: 5,
  minRequests: 10,
  /** API-wide p99 latency in milliseconds (route functions time out after 10 s). */
  latencyP99Ms: 3000,
  /** How old the oldest table-stream record the relay has not handled may be (events not relayed). */
  relayIteratorAgeMs: 5 * 60 * 1000,
  /** Mails failed (dropped, failed or dead-lettered) in a 5-minute period: any. */
  mailsFailed: 0,
  /** Counters the count-partitions job found different from a count of their partition, in a day: any. */
  countersDrifted: 0,
} as const;

export interface MonitoringProps {
  /** An e-mail subscription to the alarm topic; null: none. */
  alarmEmail: string | null;
  api: PmsApi;
  routes: readonly Route[];
  endpoints: readonly OperationEndpoint[];
  jobs: ScheduledJobs;
  jobDefinitions: readonly ScheduledJobDefinition[];
  relay: OutboxRelay;
  mail: MailDelivery | null;
  /** Where to look for dead-letter queues (lib/dead-letter-queue.ts): the whole stack. */
  deadLetterScope: IConstruct;
}

/**
 * Alarms, their SNS topic and one dashboard, from the metrics AWS publishes (Lambda, API Gateway, SQS), per-service
 * request counts from the API's access log, and the functions' own metrics (EMF, namespace PMS). Every alarm goes to
 * the topic.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly dashboard: Dashboard;
  readonly alarms: Alarm[] = [];
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { account } = Stack.of(this);
    // CloudWatch cannot publish to a topic under the AWS-managed SNS key: a key of our own lets it encrypt.
    const key = new Key(this, 'AlarmTopicKey', {
      description: 'PMS alarm topic: encrypts the alarm notifications CloudWatch publishes',
      enableKeyRotation: true,
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );
    this.topic = new Topic(this, 'AlarmTopic', { displayName: 'PMS alarms', masterKey: key, enforceSSL: true });
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    this.action = new SnsAction(this.topic);
    // Dashboard names are per account, not per region: the region keeps two deployments' dashboards apart.
    const { stackName, region } = Stack.of(this);
    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `${stackName}-operations-${region}`, defaultInterval: Duration.hours(12) });
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 6 }));

    this.operations(props);
    this.refusals();
    this.verification(props);
    this.scheduledJobs(props);
    this.relay(props);
    if (props.mail) this.mailDelivery(props.mail);
    this.deadLetterQueues(deadLetterQueuesIn(props.deadLetterScope));
    this.keyUse(props);
  }

  /** An alarm whose action is the topic, listed in the dashboard's alarm widget. */
  addAlarm(
    id: string,
    props: {
      metric: IMetric;
      description: string;
      threshold: number;
      comparison?: ComparisonOperator;
      evaluationPeriods?: number;
      datapointsToAlarm?: number;
      treatMissingData?: TreatMissingData;
    },
  ): Alarm {
    const alarm = new Alarm(this, id, {
      alarmName: `${Stack.of(this).stackName}-${id}`,
      alarmDescription: `${props.description} (docs/operations.md, Monitoring)`,
      metric: props.metric,
      threshold: props.threshold,
      comparisonOperator: props.comparison ?? ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: props.evaluationPeriods ?? 1,
      ...(props.datapointsToAlarm && { datapointsToAlarm: props.datapointsToAlarm }),
      treatMissingData: props.treatMissingData ?? TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }

  /** A titled row of graphs on the dashboard. */
  addSection(title: string, text: string, widgets: IWidget[]): void {
    this.dashboard.addWidgets(new TextWidget({ markdown: `## ${title}\n${text}`, width: 24, height: 2 }));
    this.dashboard.addWidgets(...widgets);
  }

  private operations(props: MonitoringProps): void {
    const { httpApi } = props.api;
    const accessLogs = props.api.node.findChild('AccessLogs') as ILogGroup;
    const authorizer = (props.api.node.findChild('Authorizer') as PmsFunction).lambda;
    const services = [...new Set(props.routes.map((route) => route.service))].sort();
    const perService = services.map((service) => ({ service, ...this.serviceMetrics(accessLogs, service) }));
    for (const { service, requests, serverErrors } of perService) {
      this.addAlarm(`Api5xx-${service}`, {
        description: `More than ${ALARM_THRESHOLDS.serverErrorPercent}% of ${service} requests answered 5xx in 2 of 3 five-minute periods`,
        metric: new MathExpression({
          expression: `IF(requests >= ${ALARM_THRESHOLDS.minRequests}, 100 * errors / requests, 0)`,
          usingMetrics: { requests, errors: serverErrors },
          label: `${service} 5xx %`,
          period: FIVE_MINUTES,
        }),
        threshold: ALARM_THRESHOLDS.serverErrorPercent,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
      });
    }
    this.addAlarm('ApiLatencyP99', {
      description: `The API's p99 latency above ${ALARM_THRESHOLDS.latencyP99Ms} ms for 3 five-minute periods`,
      metric: httpApi.metricLatency({ statistic: 'p99', period: FIVE_MINUTES }),
      threshold: ALARM_THRESHOLDS.latencyP99Ms,
      evaluationPeriods: 3,
    });
    this.addAlarm('AuthorizerErrors', {
      description: 'The token authorizer failed (requests answered 500 instead of being checked)',
      metric: authorizer.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
      threshold: 0,
    });
    this.addAlarm('AuthorizerThrottles', {
      description: 'The token authorizer was throttled (requests refused)',
      metric: authorizer.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
      threshold: 0,
    });
    this.addAlarm('LambdaThrottles', {
      description: "A Lambda function of the account and region was throttled (the region's concurrency is used up)",
      metric: new Metric({ namespace: 'AWS/Lambda', metricName: 'Throttles', statistic: 'Sum', period: FIVE_MINUTES }),
      threshold: 0,
    });

    // SEARCH scales to any number of functions (an alarm's metric math is limited to 10 metrics): the account's
    // functions in this region, the ten highest shown, each labelled with its function name.
    const lambdaTop = (metricName: string, statistic: string) =>
      new MathExpression({
        expression: `SORT(SEARCH('{AWS/Lambda,FunctionName} MetricName="${metricName}"', '${statistic}', 300), MAX, DESC, 10)`,
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudWatch dynamic label, filled in by CloudWatch
        label: "${PROP('Dim.FunctionName')}",
        period: FIVE_MINUTES,
      });
    this.addSection(
      'Operations',
      'Requests, 4xx and 5xx per service (from the access log), the API latency, and the ten functions with the most errors, throttles and the slowest p99.',
      [
        ...perService.map(
          ({ service, requests, clientErrors, serverErrors }) =>
            new GraphWidget({ title: `${service}: requests, 4xx, 5xx`, left: [requests, clientErrors, serverErrors], width: 8 }),
        ),
        new GraphWidget({
          title: 'API latency p50 / p99 (ms)',
          left: [httpApi.metricLatency({ statistic: 'p50', period: FIVE_MINUTES }), httpApi.metricLatency({ statistic: 'p99', period: FIVE_MINUTES })],
          width: 8,
        }),
        new GraphWidget({
          title: 'Authorizer: invocations, errors, throttles',
          left: [
            authorizer.metricInvocations({ period: FIVE_MINUTES }),
            authorizer.metricErrors({ period: FIVE_MINUTES }),
            authorizer.metricThrottles({ period: FIVE_MINUTES }),
          ],
          right: [authorizer.metricDuration({ statistic: 'p99', period: FIVE_MINUTES })],
          width: 8,
        }),
        new GraphWidget({ title: 'Functions with the most errors', left: [lambdaTop('Errors', 'Sum')], width: 8 }),
        new GraphWidget({ title: 'Functions with the most throttles', left: [lambdaTop('Throttles', 'Sum')], width: 8 }),
        new GraphWidget({ title: 'Slowest functions: duration p99 (ms)', left: [lambdaTop('Duration', 'p99')], width: 8 }),
      ],
    );
  }

  /** What the API refused, from the functions' own metrics: no alarm, a refusal is an answer (docs/operations.md). */
  private refusals(): void {
    this.addSection(
      'Refusals',
      'The ten operation and MOSIP error code pairs answered most often as refusals, and the tokens the authorizer verified or refused (PMS metrics).',
      [
        new GraphWidget({ title: 'Most frequent refusals (operation, error code)', left: [pmsTop('refusals', ['operation', 'errorCode'], 10)], width: 12 }),
        new GraphWidget({
          title: 'Authorizer: tokens verified, refused',
          left: [pmsMetric('tokensVerified', { label: 'verified' }), pmsMetric('tokensRefused', { label: 'refused' })],
          width: 12,
        }),
      ],
    );
  }

  /** Requests, 4xx and 5xx of one MOSIP service, counted from the access log by its path prefix. */
  private serviceMetrics(accessLogs: ILogGroup, service: Service): { requests: IMetric; clientErrors: IMetric; serverErrors: IMetric } {
    const prefix = SERVICE_PREFIXES[service];
    const routeOfService = FilterPattern.any(...METHODS.map((method) => FilterPattern.stringValue('$.routeKey', '=', `${method} ${prefix}*`)));
    const count = (kind: string, statusPattern: string | null, label: string) => {
      const pattern = statusPattern ? FilterPattern.all(routeOfService, FilterPattern.stringValue('$.status', '=', statusPattern)) : routeOfService;
      const metricName = `${service}-${kind}`;
      new MetricFilter(this, `${service}${kind}Filter`, {
        logGroup: accessLogs,
        filterPattern: pattern,
        metricNamespace: ACCESS_LOG_NAMESPACE,
        metricName,
        metricValue: '1',
        defaultValue: 0,
      });
      return new Metric({ namespace: ACCESS_LOG_NAMESPACE, metricName, statistic: 'Sum', period: FIVE_MINUTES, label });
    };
    return { requests: count('Requests', null, 'requests'), clientErrors: count('4xx', '4*', '4xx'), serverErrors: count('5xx', '5*', '5xx') };
  }

  private verification(props: MonitoringProps): void {
    const verify = props.endpoints.find((endpoint) => endpoint.node.id === 'verifyPartnerKeys');
    if (!verify) return;
    const fn = verify.handler.lambda;
    const operation = { operation: verify.node.id };
    this.addSection(
      'Verification traffic',
      "IDA's key checks (verifyPartnerKeys, POST /v1/partnermanager/partners/authenticate/verify): keys allowed and denied (no alarm: denials are answers), the function's runs and duration.",
      [
        new GraphWidget({
          title: 'verifyPartnerKeys: allowed, denied',
          left: [
            pmsMetric('verificationAllowed', { dimensions: operation, label: 'allowed' }),
            pmsMetric('verificationDenied', { dimensions: operation, label: 'denied' }),
          ],
          width: 8,
        }),
        new GraphWidget({
          title: 'verifyPartnerKeys: invocations, errors, throttles',
          left: [fn.metricInvocations({ period: FIVE_MINUTES }), fn.metricErrors({ period: FIVE_MINUTES }), fn.metricThrottles({ period: FIVE_MINUTES })],
          width: 8,
        }),
        new GraphWidget({
          title: 'verifyPartnerKeys: duration p50 / p99 (ms)',
          left: [fn.metricDuration({ statistic: 'p50', period: FIVE_MINUTES }), fn.metricDuration({ statistic: 'p99', period: FIVE_MINUTES })],
          width: 8,
        }),
      ],
    );
  }

  private scheduledJobs(props: MonitoringProps): void {
    const jobFunctions = props.jobDefinitions.map((job) => ({ job, fn: (props.jobs.node.findChild(job.name) as PmsFunction).lambda }));
    for (const { job, fn } of jobFunctions) {
      this.addAlarm(`Job-${job.name}-Failed`, {
        description: `Scheduled job ${job.name} failed (its run threw; Lambda retries it, then its event goes to the jobs' dead-letter queue)`,
        metric: fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
        threshold: 0,
      });
      const window = didNotRunWindow(job.schedule);
      this.addAlarm(`Job-${job.name}-DidNotRun`, {
        description: `Scheduled job ${job.name} did not run within ${window.describe}`,
        metric: fn.metricInvocations({ period: window.period, statistic: 'Sum' }),
        threshold: 1,
        comparison: ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: window.periods,
        datapointsToAlarm: window.periods,
        treatMissingData: TreatMissingData.BREACHING,
      });
    }
    // The count-partitions job's report: a list total or dashboard count that disagrees with a count of its partition.
    this.addAlarm('CountersDrifted', {
      description: 'A partition counter (list totals, dashboard counts) disagreed with a count of its partition (count-partitions job)',
      metric: pmsMetric('countersDrifted', { dimensions: { job: COUNT_PARTITIONS_JOB }, period: Duration.days(1) }),
      threshold: ALARM_THRESHOLDS.countersDrifted,
    });
    const hour = Duration.hours(1);
    this.addSection('Jobs', 'Runs and failures of each scheduled job (one run per schedule; retries count as runs), and the counts their runs report.', [
      new GraphWidget({
        title: 'Job runs (invocations per hour)',
        left: jobFunctions.map(({ job, fn }) => fn.metricInvocations({ period: Duration.hours(1), label: job.name })),
        width: 12,
      }),
      new GraphWidget({
        title: 'Job errors per hour',
        left: jobFunctions.map(({ job, fn }) => fn.metricErrors({ period: Duration.hours(1), label: job.name })),
        width: 12,
      }),
      new GraphWidget({
        title: 'Job reports: items per hour (job, count)',
        left: [
          new MathExpression({
            // Every count a job's report has (read, switchedOff, sent, …) and jobFailures, whatever jobs there are.
            expression: `SEARCH('{${PMS_METRICS.namespace},job,service} service="${PMS_METRICS.service}"', 'Sum', ${hour.toSeconds()})`,
            // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudWatch dynamic label, filled in by CloudWatch
            label: "${PROP('Dim.job')} ${PROP('MetricName')}",
            period: hour,
          }),
        ],
        width: 24,
      }),
    ]);
  }

  private relay(props: MonitoringProps): void {
    const stream = (props.relay.node.findChild('StreamRelay') as PmsFunction).lambda;
    const sweep = (props.relay.node.findChild('Sweep') as PmsFunction).lambda;
    const iteratorAge = new Metric({
      namespace: 'AWS/Lambda',
      metricName: 'IteratorAge',
      dimensionsMap: { FunctionName: stream.functionName },
      statistic: 'Maximum',
      period: FIVE_MINUTES,
      label: 'oldest unrelayed record (ms)',
    });
    this.addAlarm('OutboxNotRelayed', {
      description: `Outbox events older than ${ALARM_THRESHOLDS.relayIteratorAgeMs / 60000} minutes wait in the table stream: events are not reaching the partner-event bus`,
      metric: iteratorAge,
      threshold: ALARM_THRESHOLDS.relayIteratorAgeMs,
    });
    this.addAlarm('OutboxRelayErrors', {
      description: 'The outbox relay (stream relay or sweep) failed',
      metric: new MathExpression({
        expression: 'stream + sweep',
        usingMetrics: { stream: stream.metricErrors({ statistic: 'Sum' }), sweep: sweep.metricErrors({ statistic: 'Sum' }) },
        label: 'relay errors',
        period: FIVE_MINUTES,
      }),
      threshold: 0,
    });
    this.addSection('Relay', 'The outbox relay: how old the oldest table-stream record is, the events it relayed, and the relay and sweep runs.', [
      new GraphWidget({ title: 'Stream relay iterator age, max (ms)', left: [iteratorAge], width: 8 }),
      new GraphWidget({
        title: 'Events relayed (stream), swept (sweep)',
        left: [pmsMetric('eventsRelayed', { label: 'relayed' }), pmsMetric('eventsSwept', { label: 'swept' })],
        width: 8,
      }),
      new GraphWidget({
        title: 'Relay and sweep: invocations, errors',
        left: [stream.metricInvocations({ label: 'stream relay' }), sweep.metricInvocations({ label: 'sweep' })],
        right: [stream.metricErrors({ label: 'stream relay errors' }), sweep.metricErrors({ label: 'sweep errors' })],
        width: 8,
      }),
    ]);
  }

  private mailDelivery(mail: MailDelivery): void {
    const sender = (mail.node.findChild('Sender') as PmsFunction).lambda;
    const queue = mail.node.findChild('Queue') as Queue;
    this.addAlarm('MailSenderErrors', {
      description: 'The mail sender failed (an invocation threw: mail waits in the queue; failed sends themselves are retried, then dead-lettered)',
      metric: sender.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
      threshold: 0,
    });
    this.addAlarm('MailsFailed', {
      description:
        'Mails failed: dropped (an unreadable queue message), failed (the table or queue failed while sending; retried) or dead-lettered (attempts ran out)',
      metric: pmsMetric('mailsFailed'),
      threshold: ALARM_THRESHOLDS.mailsFailed,
    });
    this.addSection('Mail', 'Mails sent and failed, the mail sender, the mail queue and its dead-letter queue.', [
      new GraphWidget({
        title: 'Mails sent, failed',
        left: [pmsMetric('mailsSent', { label: 'sent' }), pmsMetric('mailsFailed', { label: 'failed' })],
        width: 6,
      }),
      new GraphWidget({
        title: 'Mail sender: invocations, errors, throttles',
        left: [
          sender.metricInvocations({ period: FIVE_MINUTES }),
          sender.metricErrors({ period: FIVE_MINUTES }),
          sender.metricThrottles({ period: FIVE_MINUTES }),
        ],
        width: 6,
      }),
      new GraphWidget({
        title: 'Mail queue: messages waiting, oldest (s)',
        left: [
          queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES }),
          queue.metricApproximateNumberOfMessagesNotVisible({ period: FIVE_MINUTES }),
        ],
        right: [queue.metricApproximateAgeOfOldestMessage({ period: FIVE_MINUTES })],
        width: 6,
      }),
      new GraphWidget({
        title: 'Mail dead-letter queue: messages',
        left: [mail.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES })],
        width: 6,
      }),
    ]);
  }

  private deadLetterQueues(queues: readonly Queue[]): void {
    const metrics = queues.map((queue) => {
      const name = queue.node.scope!.node.id;
      const metric = queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum', label: name });
      this.addAlarm(`DeadLetters-${name}`, {
        description: `The dead-letter queue of ${name} (${queue.node.path}) holds messages: something failed for good and waits for an operator`,
        metric,
        threshold: 0,
      });
      return metric;
    });
    this.addSection('Dead-letter queues', 'Messages in every dead-letter queue (each has an alarm).', [
      new GraphWidget({ title: 'Dead-letter queues: messages', left: metrics, width: 24 }),
    ]);
  }

  /**
   * KMS has no metric of ours (the functions count no KMS call): the errors of the functions that sign with the PMS CA
   * keys (KMS Sign). An alarm's metric math takes at most 10 metrics, so more signers than that get further alarms
   * (SigningErrors2, …).
   */
  private keyUse(props: MonitoringProps): void {
    const signers = props.routes
      .filter((route) => route.signsCertificates)
      .flatMap((route) => props.endpoints.filter((endpoint) => endpoint.node.id === route.operationId).map((endpoint) => endpoint.handler.lambda));
    for (let start = 0; start < signers.length; start += MAX_ALARM_METRICS) {
      const group = signers.slice(start, start + MAX_ALARM_METRICS);
      const usingMetrics = Object.fromEntries(group.map((fn, index) => [`s${index}`, fn.metricErrors({ statistic: 'Sum' })]));
      this.addAlarm(start === 0 ? 'SigningErrors' : `SigningErrors${start / MAX_ALARM_METRICS + 1}`, {
        description: 'A function that signs certificates with the PMS issuing CA key (KMS Sign) failed',
        metric: new MathExpression({ expression: Object.keys(usingMetrics).join(' + '), usingMetrics, label: 'signing errors', period: FIVE_MINUTES }),
        threshold: 0,
      });
    }
  }
}

/**
 * How long without a run means a job did not run on its day: its period plus a grace, as consecutive periods all
 * without an invocation (CloudWatch allows a day of evaluation for periods under an hour, seven days from an hour).
 */
export function didNotRunWindow(schedule: JobSchedule): { period: Duration; periods: number; describe: string } {
  switch (schedule.every) {
    case 'hour':
      return { period: FIVE_MINUTES, periods: 13, describe: '65 minutes (an hour and 5 minutes of grace)' };
    case 'day':
      return { period: Duration.hours(1), periods: 25, describe: '25 hours (a day and an hour of grace)' };
    case 'week':
      return { period: Duration.hours(1), periods: 168, describe: '7 days (a week; CloudWatch evaluates at most 7 days)' };
  }
}
