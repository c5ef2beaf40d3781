import type { SealedText } from '../personal-data/personal-data.js';
import type { NotificationDetails, NotificationType } from './notification.js';

/** The languages with templates; others fall back to English. */
export const MAIL_LANGUAGES = ['eng', 'ara', 'fra'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

export function mailLanguage(langCode: string | null | undefined): MailLanguage {
  return (MAIL_LANGUAGES as readonly string[]).includes(langCode ?? '') ? (langCode as MailLanguage) : 'eng';
}

/**
 * A mail waiting to be sent, written in the same transaction as the notification it tells about. It carries the
 * address only until it is sent, a partner's sealed as the partner keeps it (only the sender reveals it); the
 * template is rendered by the sender.
 */
export interface OutgoingMail {
  notificationId: string;
  /** A partner's address, sealed; or the operator's admin distribution list, which is configuration, not personal data. */
  to: SealedText | string;
  language: MailLanguage;
  notificationType: NotificationType;
  /** Whom the mail greets (the partner id, or "Partner Admin"). */
  recipientName: string;
  details: NotificationDetails;
  /**
   * Whole UTC calendar days from the notice to the item's expiry (0: today), as the mail says them; the details'
   * `expiryPeriod` is the notice's threshold, as MOSIP fills it, which a late run has passed. None in a summary.
   */
  daysLeft?: number;
  createdAt: string;
}
