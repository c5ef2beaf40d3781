import { optionalEnv, requiredEnv } from '../config/env.js';
import type { MailDeliveryDeps } from '../domain/notifications/mail-delivery.js';
import { systemClock } from '../domain/ports.js';
import { tableContext } from './dynamodb/client.js';
import { dynamoMailOutbox } from './dynamodb/mail-outbox.js';
import { sesMailer } from './mail/ses-mailer.js';
import { once, personalData } from './wiring.js';

/** The mail sender: the table's mail items, SES from `PMS_MAIL_FROM` (SES local through `SES_ENDPOINT`). */
export const mailDeliveryDeps = once(
  (): MailDeliveryDeps => ({
    outbox: dynamoMailOutbox(tableContext()),
    mailer: sesMailer(requiredEnv('PMS_MAIL_FROM'), optionalEnv('SES_ENDPOINT')),
    personalData: personalData(),
    clock: systemClock,
  }),
);
