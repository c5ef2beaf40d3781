import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct, IConstruct } from 'constructs';

/** Every queue made here: the monitoring finds them (lib/monitoring.ts), so a new dead-letter queue gets its alarm. */
const DEAD_LETTER_QUEUES = new WeakSet<IConstruct>();

/** Where failed jobs or mails end: encrypted, TLS only, kept 14 days for an operator to look at and replay. */
export function deadLetterQueue(scope: Construct, id: string): Queue {
  const queue = new Queue(scope, id, { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
  DEAD_LETTER_QUEUES.add(queue);
  return queue;
}

/** The dead-letter queues under a scope: those made by deadLetterQueue() and any queue another queue redrives to. */
export function deadLetterQueuesIn(scope: IConstruct): Queue[] {
  const queues = scope.node.findAll().filter((construct): construct is Queue => construct instanceof Queue);
  const redriveTargets = new Set(queues.flatMap((queue) => (queue.deadLetterQueue ? [queue.deadLetterQueue.queue] : [])));
  return queues.filter((queue) => DEAD_LETTER_QUEUES.has(queue) || redriveTargets.has(queue));
}
