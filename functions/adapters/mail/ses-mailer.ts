import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer } from '../../domain/notifications/mail-delivery.js';

/** SES (v2 SendEmail) from the configured sending identity; `endpoint` points it at SES local. */
export function sesMailer(from: string, endpoint?: string): Mailer {
  const client = new SESv2Client(endpoint ? { endpoint } : {});
  return {
    async send(message) {
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: [message.to] },
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: message.text, Charset: 'UTF-8' }, Html: { Data: message.html, Charset: 'UTF-8' } },
            },
          },
        }),
      );
    },
  };
}
