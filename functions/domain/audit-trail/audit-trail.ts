import { AUDIT_TRAIL_ERRORS } from '../../errors/audit-trail-errors.js';
import { PARTNER_PAGING_ERRORS } from '../../errors/paging-errors.js';
import { PmsError, withArguments } from '../../errors/pms-error.js';
import type { AuditEntry } from '../audit.js';
import { bindPage, checkSortAndPage } from '../search/v2-lists.js';

/** The object types audit records name (the `objectType` of every auditEntry call). */
export const AUDITED_OBJECT_TYPES = ['ApiKey', 'CaCertificate', 'MispLicense', 'Partner', 'Policy', 'PolicyGroup', 'PolicyRequest', 'User'] as const;

const MAX_OBJECT_ID_LENGTH = 256;

export interface AuditTrailReader {
  /** The object's `count` newest audit records, newest first (all when it has fewer), and how many it has in all. */
  newestOf(objectType: string, objectId: string, count: number): Promise<{ records: AuditEntry[]; total: number }>;
}

export interface AuditTrailQuery {
  objectType?: string | undefined;
  objectId?: string | undefined;
  pageNo?: string | undefined;
  pageSize?: string | undefined;
}

/**
 * `GET /audit-logs` (ours): one object's audit records for partner admins, newest first, paged as the revamp
 * lists page. The parameters are checked before anything is read.
 */
export async function auditTrail(deps: { reader: AuditTrailReader }, query: AuditTrailQuery) {
  const objectType = AUDITED_OBJECT_TYPES.find((type) => type === query.objectType);
  if (!objectType) throw new PmsError(withArguments(AUDIT_TRAIL_ERRORS.INVALID_OBJECT_TYPE, AUDITED_OBJECT_TYPES.join(', ')));
  const objectId = query.objectId?.trim();
  if (!objectId || objectId.length > MAX_OBJECT_ID_LENGTH) throw new PmsError(AUDIT_TRAIL_ERRORS.MISSING_OBJECT_ID);
  const page = checkSortAndPage({}, bindPage(query), {}, PARTNER_PAGING_ERRORS);
  // The records come in the page's order, so only those up to the page's end are read; the total is counted.
  const start = page.pageNo * page.pageSize;
  const { records, total } = await deps.reader.newestOf(objectType, objectId, start + page.pageSize);
  const rows = records.slice(start);
  if (rows.length === 0) return { pageNo: 0, pageSize: 0, totalResults: 0, data: [] };
  return {
    pageNo: page.pageNo,
    pageSize: page.pageSize,
    totalResults: total,
    data: rows.map((record) => ({
      objectType: record.objectType,
      objectId: record.objectId,
      action: record.action,
      actor: record.actor,
      outcome: record.outcome,
      at: record.at,
      details: record.details ?? {},
    })),
  };
}
