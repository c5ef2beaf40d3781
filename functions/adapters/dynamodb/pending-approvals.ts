import type { PendingApprovals, PendingQueue } from '../../domain/partners/ports.js';
import type { TableContext } from './client.js';
import { indexKeys } from './keys.js';
import { partitionCount } from './partition-counts.js';

/** Where each queue lives: a counted gsi2 status partition. */
const QUEUE_PARTITIONS: Record<PendingQueue, string> = {
  partnerPolicyRequests: indexKeys.requestsInStatus('InProgress'),
  sbis: indexKeys.sbisInStatus('pending_approval'),
  devices: indexKeys.devicesInStatus('pending_approval'),
  ftmChips: indexKeys.ftmChipsInStatus('pending_approval'),
};

/** Each queue's length from its partition's counter (one BatchGetItem). */
export function dynamoPendingApprovals(table: TableContext): PendingApprovals {
  return { count: (queue) => partitionCount(table, { index: 'gsi2', partition: QUEUE_PARTITIONS[queue] }) };
}
