import type { BerElement } from './ber-reader.js';
import { BerError } from './ber-reader.js';
import { type DerReader, TAG } from './der-reader.js';

const UTC_TIME = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/;
const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d+))?Z$/;
/** Readable GeneralizedTime forms that are not DER: minutes or hours only, a comma, a local or offset time. */
const LOOSE_GENERALIZED_TIME = /^\d{8}(\d{2}){0,3}([.,]\d+)?(Z|[+-]\d{2}(\d{2})?)?$/;

/**
 * A validity time (RFC 5280 §4.1.2.5): UTCTime YYMMDDHHMMSSZ (50-99 are 19xx), GeneralizedTime YYYYMMDDHHMMSSZ
 * with an optional fraction of a second to the millisecond without trailing zeros. The text must be the one the
 * instant it names is written as, so an impossible date (month 13, 31 April) is not DER. Any other readable form is
 * noted as not DER; an unreadable GeneralizedTime is refused.
 */
export function readTime(reader: DerReader, element: BerElement | undefined, what: string): Date {
  if (element?.tag === TAG.UTC_TIME) return utcTime(reader, Buffer.from(reader.content(element)).toString('latin1'), what);
  if (element?.tag === TAG.GENERALIZED_TIME) return generalizedTime(reader, Buffer.from(reader.content(element)).toString('latin1'), what);
  throw new BerError(`${what} is not a time`);
}

function utcTime(reader: DerReader, text: string, what: string): Date {
  const match = UTC_TIME.exec(text);
  if (!match) {
    reader.note(`${what} is not a DER UTCTime`);
    return new Date(Number.NaN);
  }
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year >= 50 ? 1900 + year : 2000 + year, month - 1, day, hours, minutes, seconds));
  const written = [date.getUTCFullYear() % 100, date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
  if (`${written.map((field) => pad(field, 2)).join('')}Z` !== text) reader.note(`${what} is not a DER UTCTime`);
  return date;
}

function generalizedTime(reader: DerReader, text: string, what: string): Date {
  const match = GENERALIZED_TIME.exec(text);
  if (!match) {
    if (!LOOSE_GENERALIZED_TIME.test(text)) throw new BerError(`${what} is not a GeneralizedTime`);
    reader.note(`${what} is not a DER GeneralizedTime`);
    return new Date(Number.NaN);
  }
  const [year, month, day, hours, minutes, seconds] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const milliseconds = match[7] === undefined ? 0 : Math.floor(Number(`0.${match[7]}`) * 1000);
  const date = new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds, milliseconds));
  const fraction = date.getUTCMilliseconds() === 0 ? '' : `.${pad(date.getUTCMilliseconds(), 3).replace(/0+$/, '')}`;
  const written = [
    pad(date.getUTCFullYear(), 4),
    ...[date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()].map((field) => pad(field, 2)),
  ];
  if (`${written.join('')}${fraction}Z` !== text) reader.note(`${what} is not a DER GeneralizedTime`);
  return date;
}

function pad(value: number, digits: number): string {
  return String(value).padStart(digits, '0');
}
