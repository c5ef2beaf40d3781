import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { ILayerVersion } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { ContextAttribute, type IScheduleTarget, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { schedulerExpression } from '../functions/jobs/schedule.js';
import type { ScheduledJobDefinition } from '../functions/jobs/scheduled-job.js';
import { deadLetterQueue } from './dead-letter-queue.js';
import type { EsignetConfig } from './esignet-deployment.js';
import type { PersonalDataKeys } from './personal-data-keys.js';
import { PmsFunction } from './pms-function.js';

export interface ScheduledJobsProps {
  jobs: readonly ScheduledJobDefinition[];
  table: TableV2;
  runtimeLayer: ILayerVersion;
  personalDataKeys: PersonalDataKeys;
  environment?: Record<string, string>;
  /** eSignet's settings for the jobs with `esignet`; null: OIDC clients are off. */
  esignet?: EsignetConfig | null;
}

/** Retries of a failed run (Lambda's asynchronous invocation allows at most two) before its event goes to the DLQ. */
const RUN_RETRIES = 2;
/** A run that could not start within this time (throttling, an outage) is given up and goes to the DLQ. */
const MAX_RUN_DELAY = Duration.hours(6);

/**
 * One Lambda and one EventBridge Scheduler schedule (UTC) per job-table row. The schedule hands the function its
 * scheduled time, so a retried run works on the same day. Failures end in one dead-letter queue: the scheduler's
 * delivery failures, and runs that failed through Lambda's own retries of the asynchronous invocation.
 */
export class ScheduledJobs extends Construct {
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: ScheduledJobsProps) {
    super(scope, id);
    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetters');
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is the dead-letter queue of the scheduled jobs (EventBridge Scheduler target DLQ and Lambda on-failure destination); cdk-nag only recognises SQS redrive policies.',
    });
    for (const job of props.jobs) {
      const fn = new PmsFunction(this, job.name, {
        entry: job.entry,
        description: `Scheduled job ${job.name}: ${job.description}`,
        runtimeLayer: props.runtimeLayer,
        data: { table: props.table, access: 'read-write' },
        personalData: { keys: props.personalDataKeys, uses: job.personalData ?? [] },
        timeout: Duration.minutes(5),
        ...(job.esignet && props.esignet && { esignet: { config: props.esignet, use: job.esignet } }),
        ...(props.environment && { environment: props.environment }),
      });
      fn.lambda.configureAsyncInvoke({ retryAttempts: RUN_RETRIES, maxEventAge: MAX_RUN_DELAY, onFailure: new SqsDestination(this.deadLetterQueue) });
      new Schedule(this, `${job.name}Schedule`, {
        description: job.description,
        schedule: ScheduleExpression.expression(schedulerExpression(job.schedule), TimeZone.ETC_UTC),
        target: this.invoke(job.name, fn),
      });
    }
  }

  /**
   * The schedule's target with a role of our own: CDK's LambdaInvoke also grants every version and alias
   * (`<arn>:*`); this role may invoke exactly the job's function and send to the dead-letter queue.
   */
  private invoke(name: string, fn: PmsFunction): IScheduleTarget {
    const role = new Role(this, `${name}SchedulerRole`, {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } } }),
    });
    Grant.addToPrincipal({ grantee: role, actions: ['lambda:InvokeFunction'], resourceArns: [fn.lambda.functionArn] });
    this.deadLetterQueue.grantSendMessages(role);
    return {
      bind: () => ({
        arn: fn.lambda.functionArn,
        role,
        input: ScheduleTargetInput.fromObject({ at: ContextAttribute.scheduledTime }),
        retryPolicy: { maximumRetryAttempts: RUN_RETRIES, maximumEventAgeInSeconds: MAX_RUN_DELAY.toSeconds() },
        deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
      }),
    };
  }
}
