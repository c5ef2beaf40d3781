import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCHEDULED_JOBS } from '../../functions/jobs/job-table.js';
import { schedulerExpression } from '../../functions/jobs/schedule.js';
import { TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS } from '../../functions/routes/table-access.js';
import { synthesizePms } from './synth.js';
import { actionsOf, type CfnResource, referencedId, resourcesOfType, rootFunction, statementsOfFunction } from './template-queries.js';

const pms = synthesizePms();
const schedules = Object.values(pms.root.findResources('AWS::Scheduler::Schedule') as Record<string, CfnResource>);
const [dlqId, ...otherQueues] = Object.keys(pms.root.findResources('AWS::SQS::Queue'));
const LOG_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents'];

function scheduleOf(jobName: string): CfnResource {
  const fn = rootFunction(pms, `Scheduled job ${jobName}:`);
  const found = schedules.filter((schedule) => referencedId(schedule.Properties.Target.Arn) === fn.logicalId);
  assert.equal(found.length, 1, `one schedule invokes ${jobName}`);
  return found[0]!;
}

test('one EventBridge Scheduler schedule per job, at its UTC time, handing the function its scheduled time', () => {
  assert.equal(schedules.length, SCHEDULED_JOBS.length);
  for (const job of SCHEDULED_JOBS) {
    const { Properties: schedule } = scheduleOf(job.name);
    assert.equal(schedule.ScheduleExpression, schedulerExpression(job.schedule));
    assert.equal(schedule.ScheduleExpressionTimezone, 'Etc/UTC');
    assert.equal(schedule.State, 'ENABLED');
    assert.deepEqual(JSON.parse(schedule.Target.Input), { at: '<aws.scheduler.scheduled-time>' });
  }
});

test('failed runs are retried, then land in the one dead-letter queue (scheduler delivery and Lambda on-failure)', () => {
  assert.ok(dlqId && otherQueues.length === 0);
  for (const job of SCHEDULED_JOBS) {
    const { Properties: schedule } = scheduleOf(job.name);
    assert.deepEqual(schedule.Target.RetryPolicy, { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 21600 });
    assert.equal(referencedId(schedule.Target.DeadLetterConfig.Arn), dlqId);
    const fn = rootFunction(pms, `Scheduled job ${job.name}:`);
    const invokeConfigs = Object.values(pms.root.findResources('AWS::Lambda::EventInvokeConfig') as Record<string, CfnResource>).filter(
      (config) => referencedId(config.Properties.FunctionName) === fn.logicalId,
    );
    assert.equal(invokeConfigs.length, 1);
    const config = invokeConfigs[0]!.Properties;
    assert.deepEqual([config.MaximumRetryAttempts, config.MaximumEventAgeInSeconds], [2, 21600]);
    assert.equal(referencedId(config.DestinationConfig.OnFailure.Destination), dlqId);
  }
});

test("each schedule's role may invoke exactly its job's function and send to the dead-letter queue, nothing else", () => {
  for (const job of SCHEDULED_JOBS) {
    const { Properties: schedule } = scheduleOf(job.name);
    const roleId = referencedId(schedule.Target.RoleArn);
    const role = pms.root.toJSON().Resources[roleId] as CfnResource;
    assert.equal(role.Properties.AssumeRolePolicyDocument.Statement[0].Principal.Service, 'scheduler.amazonaws.com');
    const statements = Object.values(pms.root.findResources('AWS::IAM::Policy') as Record<string, CfnResource>)
      .filter((policy) => (policy.Properties.Roles as unknown[]).some((candidate) => referencedId(candidate) === roleId))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    const invoke = statements.filter((statement) => actionsOf([statement as never]).includes('lambda:InvokeFunction'));
    assert.deepEqual(
      invoke.map((statement) => referencedId(statement.Resource)),
      [rootFunction(pms, `Scheduled job ${job.name}:`).logicalId],
    );
    assert.deepEqual(
      new Set(actionsOf(statements as never)),
      new Set(['lambda:InvokeFunction', 'sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl']),
    );
  }
});

test('job functions read and write the table, run up to 5 minutes, and publish only through the outbox', () => {
  for (const job of SCHEDULED_JOBS) {
    const fn = rootFunction(pms, `Scheduled job ${job.name}:`);
    assert.equal(fn.resource.Properties.Timeout, 300);
    const actions = new Set(actionsOf(statementsOfFunction(fn)));
    for (const action of [...LOG_ACTIONS, ...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS]) assert.ok(actions.has(action), `${job.name}: ${action}`);
    assert.ok(!actions.has('events:PutEvents') && !actions.has('dynamodb:Scan'), job.name);
  }
  assert.equal(
    resourcesOfType(pms, 'AWS::Lambda::Function').filter((fn) => String(fn.resource.Properties.Description).startsWith('Scheduled job')).length,
    SCHEDULED_JOBS.length,
  );
});

test('context jobTimes moves a job; an unknown job or a malformed time fails the synth', () => {
  const moved = synthesizePms({ context: { jobTimes: '{"expire-credentials":"03:45"}' } });
  const expressions = Object.values(moved.root.findResources('AWS::Scheduler::Schedule') as Record<string, CfnResource>).map(
    (schedule) => schedule.Properties.ScheduleExpression,
  );
  assert.ok(expressions.includes('cron(45 3 * * ? *)'), JSON.stringify(expressions));
  assert.throws(() => synthesizePms({ context: { jobTimes: { 'no-such-job': '03:00' } } }), /no scheduled job "no-such-job"/);
  assert.throws(() => synthesizePms({ context: { jobTimes: { 'expire-credentials': '25:00' } } }), /HH:MM/);
  assert.throws(() => synthesizePms({ context: { jobTimes: { 'expire-credentials': 'MON 03:00' } } }), /daily job's time is HH:MM/);
});
