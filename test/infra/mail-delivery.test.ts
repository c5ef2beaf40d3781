import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mailRetrySpanSeconds } from '../../functions/domain/notifications/mail-retry.js';
import { MAIL_QUEUE_MAX_RECEIVES } from '../../lib/mail-delivery.js';
import { synthesizePms } from './synth.js';
import { actionsOf, type CfnResource, referencedId, resourcesOfType, rootFunction, statementsOfFunction } from './template-queries.js';

const MAIL_CONTEXT = { mailFrom: 'pms@example.org', adminNotificationEmail: 'pms-admins@example.org', adminNotificationLanguage: 'fra' };
const pms = synthesizePms({ context: MAIL_CONTEXT });
const resources = pms.root.toJSON().Resources as Record<string, CfnResource>;
const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);

test('with a sender configured: a mail queue that keeps a mail through its retries and has a dead-letter queue, fed by a pipe from the table stream', () => {
  const queues = ofType('AWS::SQS::Queue');
  const [mailQueueId, mailQueue] = queues.find(([, queue]) => queue.Properties.RedrivePolicy)!;
  assert.equal(mailQueue.Properties.RedrivePolicy.maxReceiveCount, MAIL_QUEUE_MAX_RECEIVES);
  const deadLetterId = referencedId(mailQueue.Properties.RedrivePolicy.deadLetterTargetArn);
  assert.ok(resources[deadLetterId]?.Type === 'AWS::SQS::Queue');
  assert.ok(mailQueue.Properties.VisibilityTimeout > 30, 'longer than a send');
  assert.ok(mailQueue.Properties.MessageRetentionPeriod > mailRetrySpanSeconds(), 'a message outlives the retries of its mail');

  const [[, pipe]] = ofType('AWS::Pipes::Pipe') as [[string, CfnResource]];
  const [tableId] = ofType('AWS::DynamoDB::GlobalTable')[0] ?? ofType('AWS::DynamoDB::Table')[0]!;
  assert.equal(referencedId(pipe.Properties.Source), tableId);
  assert.equal(referencedId(pipe.Properties.Target), mailQueueId);
  assert.deepEqual(JSON.parse(pipe.Properties.SourceParameters.FilterCriteria.Filters[0].Pattern), {
    eventName: ['INSERT'],
    dynamodb: { NewImage: { entity: { S: ['MailOutbox'] } } },
  });
  assert.equal(pipe.Properties.TargetParameters.InputTemplate, '{"notificationId": "<$.dynamodb.NewImage.mail.M.notificationId.S>"}');
  const pipeRole = resources[referencedId(pipe.Properties.RoleArn)]!;
  const pipeStatements = (pipeRole.Properties.Policies as { PolicyDocument: { Statement: { Action: string[] | string; Resource: unknown }[] } }[]).flatMap(
    (policy) => policy.PolicyDocument.Statement,
  );
  assert.deepEqual(
    new Set(actionsOf(pipeStatements as never)),
    new Set(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams', 'sqs:SendMessage']),
  );
  assert.ok(!JSON.stringify(pipeStatements).includes('"*"'));
});

test('the sender takes one message at a time, delays or dead-letters it itself, and may send only from the configured identity', () => {
  const sender = rootFunction(pms, 'Sends notification mails');
  const variables = sender.resource.Properties.Environment.Variables;
  assert.equal(variables.PMS_MAIL_FROM, 'pms@example.org');
  const [mailQueueId, mailQueue] = ofType('AWS::SQS::Queue').find(([, queue]) => queue.Properties.RedrivePolicy)!;
  const deadLetterId = referencedId(mailQueue.Properties.RedrivePolicy.deadLetterTargetArn);
  assert.deepEqual([referencedId(variables.PMS_MAIL_QUEUE_URL), referencedId(variables.PMS_MAIL_DEAD_LETTER_QUEUE_URL)], [mailQueueId, deadLetterId]);
  const mappings = ofType('AWS::Lambda::EventSourceMapping').filter(([, mapping]) => referencedId(mapping.Properties.FunctionName) === sender.logicalId);
  assert.equal(mappings.length, 1);
  assert.equal(mappings[0]![1].Properties.BatchSize, 1);
  assert.deepEqual(mappings[0]![1].Properties.FunctionResponseTypes, ['ReportBatchItemFailures']);
  const queueStatements = statementsOfFunction(sender).filter((statement) => actionsOf([statement]).some((action) => action.startsWith('sqs:')));
  const onQueue = (id: string) =>
    queueStatements.filter((statement) => JSON.stringify(statement.Resource).includes(id)).flatMap((statement) => actionsOf([statement]));
  assert.ok(onQueue(mailQueueId).includes('sqs:ChangeMessageVisibility'), 'delays the next attempt');
  assert.deepEqual(
    onQueue(deadLetterId).filter((action) => action !== 'sqs:GetQueueAttributes' && action !== 'sqs:GetQueueUrl'),
    ['sqs:SendMessage'],
  );
  const ses = statementsOfFunction(sender).filter((statement) => actionsOf([statement]).includes('ses:SendEmail'));
  assert.equal(ses.length, 1);
  assert.match(JSON.stringify(ses[0]!.Resource), /:identity\/example\.org"/);
  assert.deepEqual(actionsOf(ses), ['ses:SendEmail']);
});

test("the jobs know the sender and the admins' list; nothing is left unacknowledged by cdk-nag", () => {
  for (const name of ['expire-credentials', 'expiry-notifications']) {
    const variables = rootFunction(pms, `Scheduled job ${name}:`).resource.Properties.Environment.Variables;
    assert.deepEqual(
      [variables.PMS_MAIL_FROM, variables.PMS_ADMIN_NOTIFICATION_EMAIL, variables.PMS_ADMIN_NOTIFICATION_LANGUAGE],
      ['pms@example.org', 'pms-admins@example.org', 'fra'],
    );
  }
  const violations = new AwsSolutionsChecks()
    .validateScope(pms.app)
    .violations.flatMap((violation) => violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`));
  assert.deepEqual(violations, []);
});

test('without a sender: no mail pipeline, and the jobs write portal notifications only; a bad address fails the synth', () => {
  const plain = synthesizePms();
  assert.equal(resourcesOfType(plain, 'AWS::Pipes::Pipe').length, 0);
  assert.equal(rootFunction(plain, 'Scheduled job expiry-notifications:').resource.Properties.Environment.Variables.PMS_MAIL_FROM, undefined);
  assert.throws(() => synthesizePms({ context: { mailFrom: 'not an address' } }), /"mailFrom" must be an e-mail address/);
  assert.throws(() => synthesizePms({ context: { ...MAIL_CONTEXT, adminNotificationLanguage: 'deu' } }), /eng, ara or fra/);
});
