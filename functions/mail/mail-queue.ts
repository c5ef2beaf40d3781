/**
 * Attempts at one mail before it is given up (audited) and its message left in the dead-letter queue: the mail
 * queue's maxReceiveCount on AWS, the local sender's count in `npm start`.
 */
export const MAX_MAIL_ATTEMPTS = 5;

/** The queue message: which notification's mail to send (never the address or the content). */
export interface MailQueueMessage {
  notificationId: string;
}

export function parseMailQueueMessage(body: string): MailQueueMessage | undefined {
  try {
    const parsed = JSON.parse(body) as { notificationId?: unknown };
    return typeof parsed.notificationId === 'string' && /^[0-9a-f-]{36}$/i.test(parsed.notificationId) ? { notificationId: parsed.notificationId } : undefined;
  } catch {
    return undefined;
  }
}
