import { optionalEnv, requiredEnv } from '../config/env.js';
import type { MailDeliveryDeps } from '../domain/notifications/mail-delivery.js';
import { systemClock } from '../domain/ports.js';
import type { MailQueueDeps } from '../mail/mail-queue.js';
import { tableContext } from './dynamodb/client.js';
import { dynamoMailOutbox } from './dynamodb/mail-outbox.js';
import { sesMailer } from './mail/ses-mailer.js';
import { sqsMailQueue } from './mail/sqs-mail-queue.js';
import { once } from './once.js';
import { personalData } from './wiring.js';

/** The mail sender: the table's mail items, SES from `PMS_MAIL_FROM` (SES local through `SES_ENDPOINT`). */
export const mailDeliveryDeps = /* @__PURE__ */ once(
  (): MailDeliveryDeps => ({
    outbox: dynamoMailOutbox(tableContext()),
    mailer: sesMailer(requiredEnv('PMS_MAIL_FROM'), optionalEnv('SES_ENDPOINT')),
    personalData: personalData(),
    clock: systemClock,
  }),
);

/** The deployed sender: its queue and dead-letter queue from `PMS_MAIL_QUEUE_URL` and `PMS_MAIL_DEAD_LETTER_QUEUE_URL`. */
export const mailQueueDeps = /* @__PURE__ */ once(
  (): MailQueueDeps => ({
    delivery: mailDeliveryDeps(),
    queue: sqsMailQueue(requiredEnv('PMS_MAIL_QUEUE_URL'), requiredEnv('PMS_MAIL_DEAD_LETTER_QUEUE_URL')),
  }),
);
