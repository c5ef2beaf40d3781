import { Duration, Stack } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { ILayerVersion } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { CfnPipe } from 'aws-cdk-lib/aws-pipes';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { mailRetrySpanSeconds } from '../functions/domain/notifications/mail-retry.js';
import type { PersonalDataUse } from '../functions/routes/personal-data-access.js';
import type { MailConfig } from './app-config.js';
import { deadLetterQueue } from './dead-letter-queue.js';
import type { PersonalDataKeys } from './personal-data-keys.js';
import { PmsFunction } from './pms-function.js';

export interface MailDeliveryProps {
  table: TableV2;
  runtimeLayer: ILayerVersion;
  personalDataKeys: PersonalDataKeys;
  mail: MailConfig;
}

const SENDER_TIMEOUT = Duration.seconds(30);
/**
 * The queue's own limit, far above the sender's attempts (which dead-letter the message themselves): it only
 * catches a message the sender could not handle at all, e.g. with the table unreachable for over an hour.
 */
export const MAIL_QUEUE_MAX_RECEIVES = 100;
/** The sender decrypts the recipient's stored address; it never encrypts or looks up one. */
const SENDER_PERSONAL_DATA_USES: readonly PersonalDataUse[] = ['reveal'];

/**
 * Mails leave through a queue: an EventBridge Pipe takes each mail item the notification transactions insert
 * (from the table stream) and queues its notification id; the sender sends it through SES and removes it. After a
 * failed send the sender hides the message until the next attempt of the retry policy is due (mail-retry.ts, about
 * a day of attempts); after the last one it audits the failure and moves the message to the dead-letter queue
 * itself, the mail staying in the table until an operator redrives the queue (docs/operations.md). An SES
 * throttle or outage delays mail, never loses it.
 */
export class MailDelivery extends Construct {
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: MailDeliveryProps) {
    super(scope, id);
    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetters');
    const queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Longer than a send may take, so a message is not handed out twice while its attempt still runs.
      visibilityTimeout: SENDER_TIMEOUT.plus(Duration.seconds(30)),
      // Outlasts the retries of a mail queued just before an outage.
      retentionPeriod: Duration.seconds(mailRetrySpanSeconds()).plus(Duration.days(3)),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAIL_QUEUE_MAX_RECEIVES },
    });

    const streamArn = props.table.tableStreamArn;
    if (!streamArn) throw new Error('the table needs its stream for mail delivery');
    const pipeRole = new Role(this, 'PipeRole', {
      assumedBy: new ServicePrincipal('pipes.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } } }),
      inlinePolicies: {
        mailItemsToQueue: new PolicyDocument({
          statements: [
            new PolicyStatement({
              actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
              resources: [streamArn],
            }),
            new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }),
          ],
        }),
      },
    });
    new CfnPipe(this, 'MailItemsToQueue', {
      description: 'Queues the notification id of each mail the notification transactions store',
      roleArn: pipeRole.roleArn,
      source: streamArn,
      sourceParameters: {
        dynamoDbStreamParameters: { startingPosition: 'TRIM_HORIZON', batchSize: 1, maximumRetryAttempts: 10 },
        filterCriteria: { filters: [{ pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['MailOutbox'] } } } }) }] },
      },
      target: queue.queueArn,
      targetParameters: { inputTemplate: '{"notificationId": "<$.dynamodb.NewImage.mail.M.notificationId.S>"}' },
    });

    const sender = new PmsFunction(this, 'Sender', {
      entry: 'functions/mail/mail-sender-handler.ts',
      description: 'Sends notification mails through SES from the mail queue',
      runtimeLayer: props.runtimeLayer,
      data: { table: props.table, access: 'read-write' },
      personalData: { keys: props.personalDataKeys, uses: SENDER_PERSONAL_DATA_USES },
      environment: { PMS_MAIL_FROM: props.mail.from, PMS_MAIL_QUEUE_URL: queue.queueUrl, PMS_MAIL_DEAD_LETTER_QUEUE_URL: this.deadLetterQueue.queueUrl },
      timeout: SENDER_TIMEOUT,
    });
    // The event source grants receiving, deleting and ChangeMessageVisibility (the sender's retry delay).
    sender.lambda.addEventSource(new SqsEventSource(queue, { batchSize: 1, reportBatchItemFailures: true }));
    this.deadLetterQueue.grantSendMessages(sender.lambda);
    const { region, account } = Stack.of(this);
    Grant.addToPrincipal({
      grantee: sender.lambda,
      actions: ['ses:SendEmail'],
      resourceArns: [`arn:aws:ses:${region}:${account}:identity/${props.mail.identity}`],
    });
  }
}
