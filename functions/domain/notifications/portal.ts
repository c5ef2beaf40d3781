import { NOTIFICATION_ERRORS as E } from '../../errors/notification-errors.js';
import { PARTNER_PAGING_ERRORS } from '../../errors/paging-errors.js';
import { PmsError, withArguments } from '../../errors/pms-error.js';
import { USER_ERRORS } from '../../errors/user-errors.js';
import { auditEntry } from '../audit.js';
import type { Caller } from '../caller.js';
import { localDateTime } from '../mosip-dates.js';
import { ownedPartners } from '../partners/ownership.js';
import type { Partner } from '../partners/partner.js';
import { retryOnConflict } from '../retry.js';
import { bindPage, checkSortAndPage, pageOf } from '../search/v2-lists.js';
import {
  ADMIN_NOTIFICATION_TYPES,
  DISMISSED,
  NOTIFICATION_AUDIT_TYPE,
  NOTIFICATION_RETENTION_DAYS,
  type Notification,
  type NotificationType,
} from './notification.js';
import type { PortalNotificationDeps } from './ports.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** MOSIP's portal shows four at a time. */
const DEFAULT_PAGE_SIZE = 4;

/**
 * `notificationType` as the portal sends it. MOSIP 1.3 answers sbi and ftm-chip with an empty page; MOSIP develop
 * lists SBI and FTM chip certificate expiry notices, as here.
 */
export const TYPES_BY_FILTER: Record<string, NotificationType[]> = {
  root: ['ROOT_CERT_EXPIRY'],
  intermediate: ['INTERMEDIATE_CERT_EXPIRY'],
  partner: ['PARTNER_CERT_EXPIRY'],
  weekly: ['WEEKLY_SUMMARY'],
  apikey: ['API_KEY_EXPIRY'],
  'misp-license': ['MISP_LICENSE_EXPIRY'],
  sbi: ['SBI_EXPIRY'],
  'ftm-chip': ['FTM_CHIP_CERT_EXPIRY'],
};
const ADMIN_DEFAULT: NotificationType[] = ['ROOT_CERT_EXPIRY', 'INTERMEDIATE_CERT_EXPIRY', 'WEEKLY_SUMMARY'];
const PARTNER_DEFAULT: NotificationType[] = ['PARTNER_CERT_EXPIRY', 'API_KEY_EXPIRY', 'MISP_LICENSE_EXPIRY', 'SBI_EXPIRY', 'FTM_CHIP_CERT_EXPIRY'];
const DETAIL_FILTERS = ['certificateId', 'expiryDate', 'issuedBy', 'issuedTo', 'partnerDomain'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface NotificationListQuery {
  notificationStatus?: string | undefined;
  notificationType?: string | undefined;
  pageNo?: string | undefined;
  pageSize?: string | undefined;
  certificateId?: string | undefined;
  expiryDate?: string | undefined;
  issuedBy?: string | undefined;
  issuedTo?: string | undefined;
  partnerDomain?: string | undefined;
  createdFromDate?: string | undefined;
  createdToDate?: string | undefined;
}

function checkedDate(field: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new PmsError(withArguments(E.INVALID_DATE, field));
  }
  return value;
}

/** The caller's partners; a user owning none is refused (PMS_CERTIFICATE_ERROR_002), unless a partner admin. */
async function callerPartners(deps: PortalNotificationDeps, caller: Caller): Promise<Partner[]> {
  const partners = await ownedPartners(deps.partners, caller);
  if (partners.length === 0 && !caller.isAdmin) throw new PmsError(USER_ERRORS.USER_ID_NOT_EXISTS);
  return partners;
}

/** The caller's partners whose notifications they see: all for an admin, the active ones otherwise. */
async function ownPartnerIds(deps: PortalNotificationDeps, caller: Caller): Promise<string[]> {
  const partners = await callerPartners(deps, caller);
  return partners.filter((partner) => caller.isAdmin || partner.isActive).map((partner) => partner.id);
}

const retentionStart = (now: Date) => new Date(now.getTime() - NOTIFICATION_RETENTION_DAYS * DAY_MS).toISOString();

/**
 * `GET /notifications`: the caller's own notifications, newest first, MOSIP's checks in its order (paging, the
 * three dates, then the type against the caller and the filters). Admin
 * notifications carry each admin's own status; partner notifications are those of the caller's partners.
 */
export async function listNotifications(deps: PortalNotificationDeps, caller: Caller, query: NotificationListQuery) {
  const page = checkSortAndPage({}, bindPage(query, DEFAULT_PAGE_SIZE), {}, PARTNER_PAGING_ERRORS);
  const expiryDate = checkedDate('expiryDate', query.expiryDate);
  const createdFrom = checkedDate('createdFromDate', query.createdFromDate);
  const createdTo = checkedDate('createdToDate', query.createdToDate);
  const filter = query.notificationType?.toLowerCase();
  const types = filter === undefined ? (caller.isAdmin ? ADMIN_DEFAULT : PARTNER_DEFAULT) : (TYPES_BY_FILTER[filter] ?? []);
  const byCreation = createdFrom !== undefined || createdTo !== undefined;
  if (query.notificationType === undefined) {
    if (byCreation || DETAIL_FILTERS.some((name) => query[name] !== undefined)) throw new PmsError(E.TYPE_NOT_SELECTED);
  } else {
    if (!caller.isAdmin && types.some((type) => ADMIN_NOTIFICATION_TYPES.has(type))) throw new PmsError(E.ADMIN_TYPES_ONLY_FOR_ADMINS);
    // MOSIP compares this one case-sensitively.
    if (byCreation && query.notificationType !== 'weekly') throw new PmsError(E.WEEKLY_TYPE_NOT_SELECTED);
  }
  const status = query.notificationStatus?.toUpperCase();

  const partnerIds = await ownPartnerIds(deps, caller);
  const from = retentionStart(deps.clock.now());
  const wantsAdmin = caller.isAdmin && types.some((type) => ADMIN_NOTIFICATION_TYPES.has(type));
  const wantsPartner = types.some((type) => !ADMIN_NOTIFICATION_TYPES.has(type));
  const [adminRows, dismissed, partnerRows] = await Promise.all([
    wantsAdmin ? deps.notifications.ofAdmins(from) : [],
    wantsAdmin ? deps.notifications.dismissedBy(caller.userId) : new Set<string>(),
    wantsPartner ? Promise.all(partnerIds.map((id) => deps.notifications.ofPartner(id, from))).then((lists) => lists.flat()) : [],
  ]);
  const rows = [
    ...adminRows.map((row) => ({ ...row, notificationStatus: dismissed.has(row.id) ? ('DISMISSED' as const) : ('ACTIVE' as const) })),
    ...partnerRows,
  ]
    .filter((row) => types.includes(row.notificationType))
    .filter((row) => status === undefined || row.notificationStatus === status)
    .filter((row) => matchesDetails(row, query, expiryDate))
    .filter(
      (row) => (createdFrom === undefined || row.crDtimes.slice(0, 10) >= createdFrom) && (createdTo === undefined || row.crDtimes.slice(0, 10) <= createdTo),
    )
    .sort((a, b) => b.crDtimes.localeCompare(a.crDtimes) || b.id.localeCompare(a.id));
  return pageOf(rows, page, (row) => ({
    notificationId: row.id,
    notificationPartnerId: row.partnerId ?? caller.userId,
    notificationType: row.notificationType,
    notificationStatus: row.notificationStatus,
    createdDateTime: localDateTime(row.crDtimes),
    notificationDetails: row.details,
  }));
}

/** MOSIP filters on the first certificate detail: ILIKE for ids and names, exact lower case for the domain. */
function matchesDetails(row: Notification, query: NotificationListQuery, expiryDate: string | undefined): boolean {
  const detail = row.details.certificateDetails[0];
  const contains = (value: string | null | undefined, wanted: string | undefined) =>
    wanted === undefined || (value ?? '').toLowerCase().includes(wanted.toLowerCase());
  if (
    query.certificateId === undefined &&
    query.issuedBy === undefined &&
    query.issuedTo === undefined &&
    query.partnerDomain === undefined &&
    expiryDate === undefined
  )
    return true;
  if (!detail) return false;
  return (
    contains(detail.certificateId, query.certificateId) &&
    contains(detail.issuedBy, query.issuedBy) &&
    contains(detail.issuedTo, query.issuedTo) &&
    (query.partnerDomain === undefined || detail.partnerDomain.toLowerCase() === query.partnerDomain.toLowerCase()) &&
    (expiryDate === undefined || detail.expiryDateTime.slice(0, 10) === expiryDate)
  );
}

/**
 * `PATCH /notifications/{id}`: ACTIVE → DISMISSED, for the caller only. An admin notification is dismissed for
 * that admin alone; a partner notification for its partner, by one of the partner's owners.
 */
export async function dismissNotification(
  deps: PortalNotificationDeps,
  caller: Caller,
  notificationId: string,
  body: { notificationStatus?: string | null | undefined },
) {
  if (body.notificationStatus === undefined || body.notificationStatus === null) throw new PmsError(E.STATUS_REQUIRED);
  if (body.notificationStatus !== DISMISSED) throw new PmsError(E.INVALID_STATUS);
  const partners = await callerPartners(deps, caller);
  return retryOnConflict(async () => {
    const notification = await deps.notifications.get(notificationId);
    const now = deps.clock.now();
    if (!notification || notification.crDtimes < retentionStart(now)) throw new PmsError(E.NOTIFICATION_NOT_EXISTS);
    const adminType = ADMIN_NOTIFICATION_TYPES.has(notification.notificationType);
    if (adminType && !caller.isAdmin) throw new PmsError(E.ONLY_ADMIN_MAY_DISMISS);
    const owner = adminType ? undefined : partners.find((partner) => partner.id === notification.partnerId);
    if (!adminType && !owner) throw new PmsError(E.NOT_BELONGS_TO_PARTNER);
    if (owner && !caller.isAdmin && !owner.isActive) throw new PmsError(E.PARTNER_NOT_ACTIVE);
    const audit = auditEntry(caller.userId, 'dismissNotification', NOTIFICATION_AUDIT_TYPE, notification.id, now, {
      notificationType: notification.notificationType,
    });
    if (adminType) {
      if ((await deps.notifications.dismissedBy(caller.userId)).has(notification.id)) throw new PmsError(E.ALREADY_DISMISSED);
      await deps.notifications.dismissForAdmin(caller.userId, notification, audit);
    } else {
      if (notification.notificationStatus === 'DISMISSED') throw new PmsError(E.ALREADY_DISMISSED);
      const next: Notification = { ...notification, notificationStatus: 'DISMISSED', updBy: caller.userId, updDtimes: now.toISOString() };
      await deps.notifications.dismissPartnerNotification(next, notification, audit);
    }
    return {
      id: notification.id,
      partnerId: notification.partnerId ?? caller.userId,
      notificationType: notification.notificationType,
      notificationStatus: 'DISMISSED',
    };
  });
}

/**
 * The seen-timestamp endpoints act on the user the path names, as MOSIP's do, who must own a partner
 * (PMS_CERTIFICATE_ERROR_002). MOSIP lets anyone read or set anyone's; here only the user themself or a partner
 * admin may, and another user's id is answered to anyone else exactly as an unknown user.
 */
async function seenTimestampOwner(deps: PortalNotificationDeps, caller: Caller, userId: string): Promise<void> {
  if (userId === caller.userId) {
    await callerPartners(deps, caller);
    return;
  }
  if (!caller.isAdmin || (await deps.partners.partnersOfUser(userId)).length === 0) throw new PmsError(USER_ERRORS.USER_ID_NOT_EXISTS);
}

export async function putSeenTimestamp(
  deps: PortalNotificationDeps,
  caller: Caller,
  userId: string,
  body: { notificationsSeenDtimes?: string | null | undefined },
) {
  await seenTimestampOwner(deps, caller, userId);
  const value = body.notificationsSeenDtimes;
  const at = value ? new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`) : undefined;
  if (!at || Number.isNaN(at.getTime())) throw new PmsError(E.INVALID_SEEN_TIMESTAMP);
  await deps.seen.put(userId, at.toISOString());
  return { notificationsSeenDtimes: localDateTime(at.toISOString()) };
}

export async function getSeenTimestamp(deps: PortalNotificationDeps, caller: Caller, userId: string) {
  await seenTimestampOwner(deps, caller, userId);
  const details = await deps.seen.get(userId);
  if (!details) throw new PmsError(E.USER_DETAILS_NOT_EXIST);
  return { notificationsSeenDtimes: details.seenAt === null ? null : localDateTime(details.seenAt) };
}
