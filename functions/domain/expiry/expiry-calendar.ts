import type { ApiKey } from '../api-keys/api-key.js';
import type { CaCertificate, PartnerCertificate } from '../certificates/stored-certificates.js';
import type { Sbi } from '../devices/sbi.js';
import type { FtmChip } from '../ftm-chips/ftm-chip.js';
import type { MispLicense } from '../misp-licenses/misp-license.js';

/**
 * Each kind of thing that expires has a calendar ordered by expiry instant. A new kind is one more member here
 * and its item's calendar attributes; the jobs read the calendars of the kinds they handle by date range.
 */
interface ExpiringKinds {
  caCertificate: CaCertificate;
  partnerCertificate: PartnerCertificate;
  apiKey: ApiKey;
  mispLicense: MispLicense;
  /** Pending or approved-and-active SBIs, by software expiry. */
  sbi: Sbi;
  /** Approved, active FTM chips, by their current certificate's expiry (chipCertificateInService). */
  ftmChip: FtmChip;
}
export type ExpiryKind = keyof ExpiringKinds;

export type ExpiringItem<Kind extends ExpiryKind = ExpiryKind> = ExpiringKinds[Kind];

export interface ExpiryCalendarPage<Kind extends ExpiryKind> {
  items: ExpiringItem<Kind>[];
  /** Where the next page starts (after the last item), or null when nothing expiring before `until` is left. */
  next: string | null;
}

export interface ExpiryCalendar {
  /**
   * The items of one kind that expire before the instant `until`, in expiry order, starting after `after`: a
   * `next` of an earlier page, an instant (everything expiring at or after it), or '' (from the beginning).
   */
  page<Kind extends ExpiryKind>(kind: Kind, after: string, until: string, limit: number): Promise<ExpiryCalendarPage<Kind>>;
}

/** The pages of one kind's calendar from `after` to `until` (see ExpiryCalendar#page), each read when it is wanted. */
export async function* calendarPages<Kind extends ExpiryKind>(
  calendar: ExpiryCalendar,
  kind: Kind,
  after: string,
  until: string,
  limit: number,
): AsyncGenerator<ExpiryCalendarPage<Kind>> {
  for (let from = after; ; ) {
    const page = await calendar.page(kind, from, until, limit);
    yield page;
    if (page.next === null) return;
    from = page.next;
  }
}

/** Midnight UTC that starts the day of `instant`. */
export function startOfUtcDay(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate()));
}
