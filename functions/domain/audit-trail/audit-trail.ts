import { AUDIT_TRAIL_ERRORS } from '../../errors/audit-trail-errors.js';
import { PARTNER_PAGING_ERRORS } from '../../errors/paging-errors.js';
import { PmsError, withArguments } from '../../errors/pms-error.js';
import type { AuditEntry } from '../audit.js';
import { bindPage, checkSortAndPage, pageOf } from '../search/v2-lists.js';

/** The object types audit records name (the `objectType` of every auditEntry call). */
export const AUDITED_OBJECT_TYPES = ['ApiKey', 'CaCertificate', 'MispLicense', 'Partner', 'Policy', 'PolicyGroup', 'PolicyRequest', 'User'] as const;

/** An object's trail is read whole up to this bound; objects change a few dozen times in their life. */
export const MAX_AUDIT_RECORDS_PER_OBJECT = 1000;
const MAX_OBJECT_ID_LENGTH = 256;

export interface AuditTrailReader {
  /** The object's audit records, newest first, at most `limit`. */
  recordsOf(objectType: string, objectId: string, limit: number): Promise<AuditEntry[]>;
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
  const records = await deps.reader.recordsOf(objectType, objectId, MAX_AUDIT_RECORDS_PER_OBJECT);
  return pageOf(records, page, (record) => ({
    objectType: record.objectType,
    objectId: record.objectId,
    action: record.action,
    actor: record.actor,
    outcome: record.outcome,
    at: record.at,
    details: record.details ?? {},
  }));
}
