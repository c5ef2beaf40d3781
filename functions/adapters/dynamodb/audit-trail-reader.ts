import type { AuditEntry } from '../../domain/audit.js';
import type { AuditTrailReader } from '../../domain/audit-trail/audit-trail.js';
import type { TableContext } from './client.js';
import { queryPartition } from './items.js';
import { auditTrailPartition } from './keys.js';

/** One Query of the object's audit partition, newest first. */
export function dynamoAuditTrailReader(table: TableContext): AuditTrailReader {
  return {
    recordsOf: (objectType, objectId, limit) =>
      queryPartition<AuditEntry>(table, 'table', auditTrailPartition(objectType, objectId), { limit, ascending: false }),
  };
}
