import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCHEDULED_JOBS } from '../../functions/jobs/job-table.js';
import { SERVICE_PREFIXES } from '../../functions/routes/route.js';
import { ROUTES } from '../../functions/routes/route-table.js';
import { ALARM_THRESHOLDS, PMS_METRICS } from '../../lib/monitoring.js';
import { synthesizePms } from './synth.js';
import { type CfnResource, referencedId } from './template-queries.js';

const pms = synthesizePms({ context: { mailFrom: 'pms@example.org', alarmEmail: 'ops@example.org' } });
const resources = pms.root.toJSON().Resources as Record<string, CfnResource>;
const ofType = (from: Record<string, CfnResource>, type: string) => Object.entries(from).filter(([, resource]) => resource.Type === type);
const [[topicId, topic]] = ofType(resources, 'AWS::SNS::Topic') as [[string, CfnResource]];
const alarms = new Map(
  ofType(resources, 'AWS::CloudWatch::Alarm').map(([, alarm]) => [String(alarm.Properties.AlarmName).replace(/^Pms-/, ''), alarm.Properties]),
);

function alarm(name: string): Record<string, any> {
  const found = alarms.get(name);
  assert.ok(found, `no alarm ${name}; the alarms are ${[...alarms.keys()].join(', ')}`);
  return found;
}

/** The metrics an alarm watches: its own, or those of its metric math. */
function metricsOf(properties: Record<string, any>): { MetricName: string; Namespace: string; Dimensions?: { Name: string; Value: unknown }[] }[] {
  if (properties.MetricName) return [properties as never];
  return (properties.Metrics as { MetricStat?: { Metric: never } }[]).flatMap((query) => (query.MetricStat ? [query.MetricStat.Metric] : []));
}

test('one alarm topic, encrypted with a rotated key of its own that CloudWatch may use, TLS only, the e-mail subscription from alarmEmail', () => {
  const key = resources[referencedId(topic.Properties.KmsMasterKeyId)]!;
  assert.equal(key.Type, 'AWS::KMS::Key');
  assert.equal(key.Properties.EnableKeyRotation, true);
  assert.ok(JSON.stringify(key.Properties.KeyPolicy).includes('cloudwatch.amazonaws.com'));
  const [[, policy]] = ofType(resources, 'AWS::SNS::TopicPolicy') as [[string, CfnResource]];
  assert.equal(referencedId(policy.Properties.Topics[0]), topicId);
  const statements = policy.Properties.PolicyDocument.Statement as { Effect: string; Condition?: Record<string, any>; Principal?: unknown }[];
  assert.ok(statements.some((statement) => statement.Effect === 'Deny' && statement.Condition?.Bool?.['aws:SecureTransport'] === 'false'));
  assert.ok(statements.some((statement) => statement.Effect === 'Allow' && JSON.stringify(statement.Principal).includes('cloudwatch.amazonaws.com')));
  const subscriptions = ofType(resources, 'AWS::SNS::Subscription');
  assert.deepEqual(
    subscriptions.map(([, subscription]) => [
      subscription.Properties.Protocol,
      subscription.Properties.Endpoint,
      referencedId(subscription.Properties.TopicArn),
    ]),
    [['email', 'ops@example.org', topicId]],
  );
});

test('without alarmEmail the topic has no subscription; a bad alarmEmail fails the synth naming the setting', () => {
  const plain = synthesizePms();
  assert.equal(ofType(plain.root.toJSON().Resources, 'AWS::SNS::Subscription').length, 0);
  assert.equal(ofType(plain.root.toJSON().Resources, 'AWS::SNS::Topic').length, 1);
  assert.throws(() => synthesizePms({ context: { alarmEmail: 'ops at example' } }), /"alarmEmail" must be an e-mail address/);
});

test('every alarm notifies the topic, when it fires and when it clears', () => {
  assert.ok(alarms.size > 10);
  for (const [name, properties] of alarms) {
    for (const actions of [properties.AlarmActions, properties.OKActions]) {
      assert.deepEqual(
        (actions as unknown[]).map((action) => referencedId(action)),
        [topicId],
        name,
      );
    }
  }
});

test('every dead-letter queue has an alarm on any visible message', () => {
  const queues = new Map(ofType(resources, 'AWS::SQS::Queue'));
  const deadLetterIds = new Set([
    ...[...queues.values()].flatMap((queue) => (queue.Properties.RedrivePolicy ? [referencedId(queue.Properties.RedrivePolicy.deadLetterTargetArn)] : [])),
  ]);
  // The jobs' dead-letter queue is no redrive target: it is the schedules' and the job functions' failure destination.
  for (const [, fn] of ofType(resources, 'AWS::Lambda::EventInvokeConfig')) {
    deadLetterIds.add(referencedId(fn.Properties.DestinationConfig.OnFailure.Destination));
  }
  assert.ok(deadLetterIds.size >= 2, 'the jobs and mail dead-letter queues');
  const watched = [...alarms.values()]
    .filter((properties) =>
      metricsOf(properties).some((metric) => metric.MetricName === 'ApproximateNumberOfMessagesVisible' && metric.Namespace === 'AWS/SQS'),
    )
    .map((properties) => {
      assert.equal(properties.Threshold, 0);
      assert.equal(properties.ComparisonOperator, 'GreaterThanThreshold');
      const [metric] = metricsOf(properties);
      return referencedId(metric!.Dimensions![0]!.Value);
    });
  assert.deepEqual(new Set(watched), deadLetterIds);
  assert.equal(watched.length, deadLetterIds.size);
});

test('every job row has its failed and did-not-run alarms on its own function', () => {
  const jobFunctionIds = (name: string) =>
    ofType(resources, 'AWS::Lambda::Function')
      .filter(([, fn]) => String(fn.Properties.Description).startsWith(`Scheduled job ${name}:`))
      .map(([id]) => id);
  for (const job of SCHEDULED_JOBS) {
    const [fnId] = jobFunctionIds(job.name);
    assert.ok(fnId, job.name);
    const failed = alarm(`Job-${job.name}-Failed`);
    assert.deepEqual([failed.MetricName, failed.Threshold, failed.ComparisonOperator], ['Errors', 0, 'GreaterThanThreshold']);
    assert.equal(referencedId(failed.Dimensions[0].Value), fnId);
    const didNotRun = alarm(`Job-${job.name}-DidNotRun`);
    assert.deepEqual(
      [didNotRun.MetricName, didNotRun.Statistic, didNotRun.Threshold, didNotRun.ComparisonOperator],
      ['Invocations', 'Sum', 1, 'LessThanThreshold'],
    );
    assert.equal(didNotRun.TreatMissingData, 'breaching', 'no invocation publishes no data point');
    assert.equal(referencedId(didNotRun.Dimensions[0].Value), fnId);
    const window = didNotRun.Period * didNotRun.EvaluationPeriods;
    assert.equal(didNotRun.DatapointsToAlarm, didNotRun.EvaluationPeriods);
    const period = { hour: 3600, day: 86400, week: 7 * 86400 }[job.schedule.every];
    assert.ok(window >= period, `${job.name}: ${window}s covers its period`);
    assert.ok(window <= (didNotRun.Period < 3600 ? 86400 : 7 * 86400), `${job.name}: within CloudWatch's evaluation limit`);
  }
});

test('5xx rate per service, p99 latency, authorizer errors and throttles, throttles, relay, mail and signing alarms', () => {
  for (const service of Object.keys(SERVICE_PREFIXES)) {
    const serverErrors = alarm(`Api5xx-${service}`);
    assert.equal(serverErrors.Threshold, ALARM_THRESHOLDS.serverErrorPercent);
    const names = metricsOf(serverErrors).map((metric) => `${metric.Namespace}/${metric.MetricName}`);
    assert.deepEqual(names.sort(), [`PMS/ApiAccessLog/${service}-5xx`, `PMS/ApiAccessLog/${service}-Requests`]);
  }
  const filters = ofType(resources, 'AWS::Logs::MetricFilter');
  const patternOf = (metricName: string) =>
    filters.find(([, filter]) => filter.Properties.MetricTransformations[0].MetricName === metricName)![1].Properties.FilterPattern;
  assert.match(patternOf('partnermanager-5xx'), /\$\.routeKey = "POST \/v1\/partnermanager\*"/);
  assert.match(patternOf('partnermanager-5xx'), /\$\.status = "5\*"/);

  const latency = alarm('ApiLatencyP99');
  assert.deepEqual([latency.Namespace, latency.MetricName, latency.ExtendedStatistic], ['AWS/ApiGateway', 'Latency', 'p99']);
  for (const [name, metricName] of [
    ['AuthorizerErrors', 'Errors'],
    ['AuthorizerThrottles', 'Throttles'],
  ] as const) {
    const properties = alarm(name);
    assert.equal(properties.MetricName, metricName);
    const fn = resources[referencedId(properties.Dimensions[0].Value)]!;
    assert.match(fn.Properties.Description, /access tokens/);
  }
  assert.equal(alarm('LambdaThrottles').Dimensions, undefined, 'all functions of the account and region');

  const relay = alarm('OutboxNotRelayed');
  const [iteratorAge] = metricsOf(relay);
  assert.deepEqual(
    [iteratorAge!.MetricName, relay.Metrics[0].MetricStat.Stat, relay.Threshold],
    ['IteratorAge', 'Maximum', ALARM_THRESHOLDS.relayIteratorAgeMs],
  );
  assert.match(resources[referencedId(iteratorAge!.Dimensions![0]!.Value)]!.Properties.Description, /Relays outbox events/);
  assert.equal(metricsOf(alarm('OutboxRelayErrors')).length, 2);
  const mail = alarm('MailSenderErrors');
  assert.match(resources[referencedId(mail.Dimensions[0].Value)]!.Properties.Description, /Sends notification mails/);
  const signers = ROUTES.filter((route) => route.signsCertificates).length;
  assert.ok(signers >= 2 && signers <= 10);
  assert.equal(metricsOf(alarm('SigningErrors')).length, signers, 'every certificate-signing function');
});

test("MailsFailed: any failed mail in 5 minutes, on the sender's own mailsFailed metric (namespace PMS, dimension service)", () => {
  const failed = alarm('MailsFailed');
  assert.deepEqual(
    [failed.Namespace, failed.MetricName, failed.Dimensions, failed.Statistic, failed.Period],
    ['PMS', 'mailsFailed', [{ Name: 'service', Value: 'pms' }], 'Sum', 300],
  );
  assert.deepEqual([failed.Threshold, failed.ComparisonOperator, failed.TreatMissingData], [0, 'GreaterThanThreshold', 'notBreaching']);
  assert.deepEqual(PMS_METRICS, { namespace: 'PMS', service: 'pms' });
});

test('CountersDrifted: any counter the count-partitions job found different from a count, in a day', () => {
  const drifted = alarm('CountersDrifted');
  assert.deepEqual(
    [drifted.Namespace, drifted.MetricName, drifted.Dimensions, drifted.Statistic, drifted.Period],
    [
      'PMS',
      'countersDrifted',
      [
        { Name: 'job', Value: 'count-partitions' },
        { Name: 'service', Value: 'pms' },
      ],
      'Sum',
      86400,
    ],
  );
  assert.deepEqual([drifted.Threshold, drifted.ComparisonOperator], [0, 'GreaterThanThreshold']);
  assert.ok(
    SCHEDULED_JOBS.some((job) => job.name === 'count-partitions'),
    'the job the alarm listens to',
  );
});

test('no alarm on verification denials, refusals or job reports other than drift: they are answers and counts, not faults', () => {
  for (const properties of alarms.values()) {
    for (const metric of metricsOf(properties)) {
      if (metric.Namespace !== 'PMS') continue;
      assert.ok(['mailsFailed', 'countersDrifted'].includes(String(metric.MetricName)), 'the two alarms on PMS metrics');
    }
  }
});

test('without mail there is no mail alarm', () => {
  const plain = synthesizePms();
  const names = ofType(plain.root.toJSON().Resources, 'AWS::CloudWatch::Alarm').map(([, alarm]) => String(alarm.Properties.AlarmName));
  assert.ok(!names.some((name) => name.includes('Mail')));
  assert.ok(names.some((name) => name.includes('Job-')));
});

test('one dashboard with the alarms, operations, verification traffic, jobs, relay, mail and dead-letter sections', () => {
  const [[, dashboard]] = ofType(resources, 'AWS::CloudWatch::Dashboard') as [[string, CfnResource]];
  assert.deepEqual(dashboard.Properties.DashboardName, { 'Fn::Join': ['', ['Pms-operations-', { Ref: 'AWS::Region' }]] }, 'dashboard names are per account');
  const body = JSON.parse(
    pms.stack
      .resolve(dashboard.Properties.DashboardBody)
      ['Fn::Join'][1].map((part: unknown) => (typeof part === 'string' ? part : 'x'))
      .join(''),
  ) as {
    widgets: { type: string; properties: { markdown?: string; title?: string; metrics?: unknown[] } }[];
  };
  const sections = body.widgets.flatMap((widget) => (widget.properties.markdown ? [widget.properties.markdown.split('\n')[0]] : []));
  assert.deepEqual(sections, ['## Operations', '## Refusals', '## Verification traffic', '## Jobs', '## Relay', '## Mail', '## Dead-letter queues']);
  const titles = body.widgets.map((widget) => widget.properties.title ?? '');
  assert.ok(titles.includes('Alarms'));
  for (const service of Object.keys(SERVICE_PREFIXES)) assert.ok(titles.includes(`${service}: requests, 4xx, 5xx`));
  assert.ok(titles.some((title) => title.startsWith('verifyPartnerKeys')));
  const jobRuns = body.widgets.find((widget) => widget.properties.title?.startsWith('Job runs'))!;
  assert.equal(jobRuns.properties.metrics!.length, SCHEDULED_JOBS.length);
  const alarmWidget = body.widgets.find((widget) => widget.properties.title === 'Alarms') as unknown as { properties: { alarms: unknown[] } };
  assert.equal(alarmWidget.properties.alarms.length, alarms.size);
});

test("the functions' own metrics on the dashboard: verdicts, top refusals, tokens, job reports, events relayed, mails", () => {
  const [[, dashboard]] = ofType(resources, 'AWS::CloudWatch::Dashboard') as [[string, CfnResource]];
  const body = JSON.parse(
    pms.stack
      .resolve(dashboard.Properties.DashboardBody)
      ['Fn::Join'][1].map((part: unknown) => (typeof part === 'string' ? part : 'x'))
      .join(''),
  ) as { widgets: { properties: { title?: string; metrics?: unknown[][] } }[] };
  const metricsOfWidget = (title: string) => {
    const widget = body.widgets.find((candidate) => candidate.properties.title === title);
    assert.ok(widget, `no widget "${title}"; the widgets are ${body.widgets.map((candidate) => candidate.properties.title).join(', ')}`);
    return widget.properties.metrics!;
  };
  /** A plain metric row: [namespace, name, dimension, value, …, options]. */
  const plain = (row: unknown[]) => row.filter((item) => typeof item === 'string');
  const expressions = (title: string) => metricsOfWidget(title).map((row) => row.at(-1) as { expression?: string; label?: string });

  assert.deepEqual(metricsOfWidget('verifyPartnerKeys: allowed, denied').map(plain), [
    ['PMS', 'verificationAllowed', 'operation', 'verifyPartnerKeys', 'service', 'pms'],
    ['PMS', 'verificationDenied', 'operation', 'verifyPartnerKeys', 'service', 'pms'],
  ]);
  const [refusals] = expressions('Most frequent refusals (operation, error code)');
  assert.equal(refusals!.expression, `SORT(SEARCH('{PMS,errorCode,operation,service} MetricName="refusals" service="pms"', 'Sum', 300), SUM, DESC, 10)`);
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a CloudWatch dynamic label, filled in by CloudWatch
  assert.equal(refusals!.label, "${PROP('Dim.operation')} ${PROP('Dim.errorCode')}");
  assert.deepEqual(metricsOfWidget('Authorizer: tokens verified, refused').map(plain), [
    ['PMS', 'tokensVerified', 'service', 'pms'],
    ['PMS', 'tokensRefused', 'service', 'pms'],
  ]);
  const [reports] = expressions('Job reports: items per hour (job, count)');
  assert.equal(reports!.expression, `SEARCH('{PMS,job,service} service="pms"', 'Sum', 3600)`);
  assert.deepEqual(metricsOfWidget('Events relayed (stream), swept (sweep)').map(plain), [
    ['PMS', 'eventsRelayed', 'service', 'pms'],
    ['PMS', 'eventsSwept', 'service', 'pms'],
  ]);
  assert.deepEqual(metricsOfWidget('Mails sent, failed').map(plain), [
    ['PMS', 'mailsSent', 'service', 'pms'],
    ['PMS', 'mailsFailed', 'service', 'pms'],
  ]);
});

test('the names the dashboard and the alarm use are the names the functions emit (functions/observability and their callers)', async () => {
  const { readFileSync } = await import('node:fs');
  const source = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
  const emitted = [
    ['functions/observability/verdict-metrics.ts', ['verificationAllowed', 'verificationDenied']],
    ['functions/http/pipeline/request-metrics.ts', ['refusals', "addDimension('operation'", "addDimension('errorCode'"]],
    ['functions/authorizer/handler.ts', ['tokensVerified', 'tokensRefused']],
    ['functions/jobs/job-handler.ts', ["addDimension('job'", 'jobFailures']],
    ['functions/adapters/dynamodb/partition-counts.ts', ['countersDrifted']],
    ['functions/relay/outbox-stream-handler.ts', ['eventsRelayed']],
    ['functions/relay/outbox-sweep-handler.ts', ['eventsSwept']],
    ['functions/mail/mail-sender-handler.ts', ["'mailsSent'", "'mailsFailed'"]],
    ['functions/observability/metrics.ts', ["namespace: 'PMS'", "process.env.POWERTOOLS_SERVICE_NAME || 'pms'"]],
  ] as const;
  for (const [path, names] of emitted) for (const name of names) assert.ok(source(path).includes(name), `${path} emits ${name}`);
});
