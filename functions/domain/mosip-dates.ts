/**
 * MOSIP serialises java.time.LocalDateTime without a zone ("2025-01-31T10:20:30.123"); we store UTC ISO
 * instants and drop the zone designator on the way out.
 */
export function localDateTime(isoInstant: string): string;
export function localDateTime(isoInstant: string | null): string | null;
export function localDateTime(isoInstant: string | null): string | null {
  return isoInstant === null ? null : isoInstant.replace(/Z$/, '');
}
