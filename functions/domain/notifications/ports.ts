import type { AuditEntry } from '../audit.js';
import type { Partner } from '../partners/partner.js';
import type { Clock, IdGenerator } from '../ports.js';
import type { OutgoingMail } from './mail.js';
import type { Notification } from './notification.js';

/** One notice of one item at one threshold: written at most once, whatever the number of runs. */
export interface NoticeMarker {
  kind: string;
  itemId: string;
  threshold: number;
  /** When the marker may vanish: after its item's expiry, no run can want it again. */
  keepUntil: string;
}

export interface NotificationRepository {
  /**
   * Stores the notification, its audit record and its mail (if any) with the marker, in one transaction; answers
   * false, writing nothing, when the marker exists (the notice was already given).
   */
  createNotice(marker: NoticeMarker, notification: Notification, audit: AuditEntry, mail: OutgoingMail | null): Promise<boolean>;
  /** Stores a notification that needs no marker (the weekly summary is keyed by its week). */
  createOnce(key: string, notification: Notification, audit: AuditEntry, mail: OutgoingMail | null): Promise<boolean>;
  get(id: string): Promise<Notification | undefined>;
  /** All of a partner's notifications created at or after `since`, newest first. */
  ofPartner(partnerId: string, since: string): Promise<Notification[]>;
  /** All admin notifications created at or after `since`, newest first. */
  ofAdmins(since: string): Promise<Notification[]>;
  /** Ids of the admin notifications one admin dismissed. */
  dismissedBy(userId: string): Promise<Set<string>>;
  dismissPartnerNotification(next: Notification, previous: Notification, audit: AuditEntry): Promise<void>;
  dismissForAdmin(userId: string, notification: Notification, audit: AuditEntry): Promise<void>;
  /** A failure that wrote no notification still leaves its audit record. */
  recordFailure(audit: AuditEntry): Promise<void>;
}

export interface MailSettings {
  /** Where admin notifications are mailed (a partner-admin distribution list); null: admins get portal notices only. */
  adminList: { to: string; language: string } | null;
}

export interface NotificationJobDeps {
  notifications: NotificationRepository;
  clock: Clock;
  ids: IdGenerator;
  /** Null: mails are off (no sending identity configured), portal notifications only. */
  mail: MailSettings | null;
}

/** When each user last opened the notifications (MOSIP user_details.notifications_seen_dtimes). */
export interface SeenTimestamps {
  /**
   * Undefined when PMS keeps no details of the user (MOSIP's user_details row: made by the consent or by this
   * timestamp); `seenAt` null when it keeps details but no timestamp yet.
   */
  get(userId: string): Promise<{ seenAt: string | null } | undefined>;
  put(userId: string, seenAt: string): Promise<void>;
}

export interface PortalNotificationDeps {
  notifications: NotificationRepository;
  seen: SeenTimestamps;
  partners: { partnersOfUser(userId: string): Promise<Partner[]> };
  clock: Clock;
}
