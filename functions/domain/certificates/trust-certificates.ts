import { PARTNER_PAGING_ERRORS } from '../../errors/paging-errors.js';
import { RequestValidationError } from '../../errors/pms-error.js';
import { localDateTime } from '../mosip-dates.js';
import { bindPage, checkSortAndPage, compareText, containsLike, pageOf, type SortAndPageQuery, springOptionalInt } from '../search/v2-lists.js';
import type { CertificateReadDeps } from './ports.js';
import type { CaCertificate } from './stored-certificates.js';
import { certificatePem } from './x509/pem.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface TrustCertificatesQuery extends SortAndPageQuery {
  caCertificateType?: string | undefined;
  certificateId?: string | undefined;
  partnerDomain?: string | undefined;
  issuedTo?: string | undefined;
  issuedBy?: string | undefined;
  expiryPeriod?: string | undefined;
}

type Compare = (a: CaCertificate, b: CaCertificate) => number;
const byText =
  (column: (row: CaCertificate) => string): Compare =>
  (a, b) =>
    compareText(column(a), column(b));

/** The sort fields PMS maps onto keymanager's columns. */
const SORT_COLUMNS: Record<string, Compare> = {
  caCertificateType: byText((row) => row.caCertificateType),
  certificateId: byText((row) => row.certId),
  partnerDomain: byText((row) => row.partnerDomain),
  issuedTo: byText((row) => row.subject),
  issuedBy: byText((row) => row.issuer),
  validFrom: byText((row) => row.notBefore),
  validTill: byText((row) => row.notAfter),
  uploadedDateTime: byText((row) => row.uploadTime),
};

/** `expiryPeriod` is `@Min(1) @Max(30)` days: anything else fails before the operation, with HTTP 400. */
export function expiryPeriodOf(raw: string | undefined): number | undefined {
  const days = springOptionalInt('expiryPeriod', raw);
  if (days !== undefined && (days < 1 || days > 30)) throw new RequestValidationError('must be between 1 and 30', 'expiryPeriod');
  return days;
}

/** The last instant of the UTC day `days` days from now: MOSIP's `now().plusDays(expiryPeriod).with(LocalTime.MAX)`. */
export function expiryPeriodEnd(now: Date, days: number): Date {
  const end = new Date(now.getTime() + days * DAY_MS);
  end.setUTCHours(23, 59, 59, 999);
  return end;
}

/**
 * `GET /trust-chain-certificates` (PartnerManagementServiceImpl#getTrustCertificates → keymanager getCaCertificates):
 * the trust stores, paged (default 8 per page), oldest upload first unless sorted (keymanager's default, createdtimes
 * ascending, so the first row is the first certificate uploaded). Type and domain are exact
 * (case-insensitive), the other text filters `LIKE %value%`. With `expiryPeriod` the rows come from the expiry
 * calendar: keymanager's `DATE(notAfter)` from today to the day `expiryPeriod` days from now, both included.
 */
export async function listTrustCertificates(deps: Pick<CertificateReadDeps, 'certificates' | 'clock'>, query: TrustCertificatesQuery) {
  const expiryPeriod = expiryPeriodOf(query.expiryPeriod);
  const paging = checkSortAndPage(query, bindPage(query), SORT_COLUMNS, PARTNER_PAGING_ERRORS, {
    sortPairError: PARTNER_PAGING_ERRORS.INVALID_SORT_PARAMETERS,
  });
  const now = deps.clock.now();
  const rows =
    expiryPeriod === undefined
      ? await deps.certificates.allCaCertificates()
      : await deps.certificates.caCertificatesExpiringBetween(startOfUtcDay(now).toISOString(), expiryPeriodEnd(now, expiryPeriod).toISOString());
  const found = rows.filter(filterOf(query)).sort(byUpload);
  if (paging.sort) {
    const compare = SORT_COLUMNS[paging.sort.field]!;
    const direction = paging.sort.ascending ? 1 : -1;
    found.sort((a, b) => direction * compare(a, b));
  }
  return pageOf(found, paging, (row) => summary(row, now.toISOString()));
}

/** Upload order; within one upload (one time) roots first, as they were stored. */
function byUpload(a: CaCertificate, b: CaCertificate): number {
  const rootFirst = Number(b.caCertificateType === 'ROOT') - Number(a.caCertificateType === 'ROOT');
  return compareText(a.uploadTime, b.uploadTime) || rootFirst || compareText(a.certId, b.certId);
}

function startOfUtcDay(now: Date): Date {
  return new Date(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`);
}

function filterOf(query: TrustCertificatesQuery): (row: CaCertificate) => boolean {
  const exact: [string | undefined, (row: CaCertificate) => string][] = [
    [query.caCertificateType, (row) => row.caCertificateType],
    [query.partnerDomain, (row) => row.partnerDomain],
  ];
  const like: [string | undefined, (row: CaCertificate) => string][] = [
    [query.certificateId, (row) => row.certId],
    [query.issuedTo, (row) => row.subject],
    [query.issuedBy, (row) => row.issuer],
  ];
  const checks = [
    ...exact.flatMap(([value, column]) => (value ? [(row: CaCertificate) => column(row) === value.toUpperCase()] : [])),
    ...like.flatMap(([value, column]) => {
      if (!value) return [];
      const matches = containsLike(value);
      return [(row: CaCertificate) => matches(column(row))];
    }),
  ];
  return (row) => checks.every((check) => check(row));
}

/** TrustCertificateSummaryDto; `status` is keymanager's "valid now", bounds included. */
function summary(row: CaCertificate, now: string) {
  return {
    caCertificateType: row.caCertificateType,
    certId: row.certId,
    partnerDomain: row.partnerDomain,
    issuedTo: row.subject,
    issuedBy: row.issuer,
    certThumbprint: row.thumbprintSha1,
    validFromDate: localDateTime(row.notBefore),
    validTillDate: localDateTime(row.notAfter),
    uploadTime: localDateTime(row.uploadTime),
    status: row.notBefore <= now && now <= row.notAfter,
  };
}

/**
 * `GET /pms-ca-certificates` (ours; MOSIP serves these from keymanager): the PMS issuing CA and ROOT as one PEM
 * chain, issuing first, for checking MOSIP-signed partner certificates (`openssl verify -CAfile`).
 */
export async function pmsCaCertificates(deps: Pick<CertificateReadDeps, 'signing' | 'clock'>) {
  const ca = await deps.signing.pmsCa();
  return { certificateChain: certificatePem(ca.issuing) + certificatePem(ca.root), timestamp: localDateTime(deps.clock.now().toISOString()) };
}
