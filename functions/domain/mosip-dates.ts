/**
 * MOSIP serialises java.time.LocalDateTime without a zone ("2025-01-31T10:20:30.123"); we store UTC ISO
 * instants and drop the zone designator on the way out.
 */
export function localDateTime(isoInstant: string): string;
export function localDateTime(isoInstant: string | null): string | null;
export function localDateTime(isoInstant: string | null): string | null {
  return isoInstant === null ? null : isoInstant.replace(/Z$/, '');
}

/** java.sql.Timestamp and java.util.Date as Jackson writes them: "2025-01-31T10:20:30.123+00:00". */
export function sqlTimestamp(isoInstant: string): string;
export function sqlTimestamp(isoInstant: string | null): string | null;
export function sqlTimestamp(isoInstant: string | null): string | null {
  return isoInstant === null ? null : isoInstant.replace(/Z$/, '+00:00');
}

/** The same instant `years` later (MOSIP policies are valid for 200 years from creation). */
export function yearsLater(isoInstant: string, years: number): string {
  const date = new Date(isoInstant);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString();
}
