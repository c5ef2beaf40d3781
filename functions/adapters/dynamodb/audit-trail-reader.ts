import type { AuditEntry } from '../../domain/audit.js';
import type { AuditTrailReader } from '../../domain/audit-trail/audit-trail.js';
import type { TableContext } from './client.js';
import { countPartition, queryPartition } from './items.js';
import { auditTrailPartition } from './keys.js';

/**
 * The object's audit partition: the newest `count` records (one Query, newest first, reading no further than the
 * page needs) and the partition's size from a `Select: COUNT` Query to its end (which carries no item back).
 */
export function dynamoAuditTrailReader(table: TableContext): AuditTrailReader {
  return {
    async newestOf(objectType, objectId, count) {
      const partition = auditTrailPartition(objectType, objectId);
      const [records, total] = await Promise.all([
        count > 0 ? queryPartition<AuditEntry>(table, 'table', partition, { limit: count, ascending: false }) : [],
        countPartition(table, 'table', partition),
      ]);
      // Written between the two reads, a record can be counted without being read (or read without being counted).
      return { records, total: Math.max(total, records.length) };
    },
  };
}
