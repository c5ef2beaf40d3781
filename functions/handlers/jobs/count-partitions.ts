import { tableContext } from '../../adapters/dynamodb/client.js';
import { startOrCheckCounters } from '../../adapters/dynamodb/partition-counts.js';
import { scheduledJobHandler } from '../../jobs/job-handler.js';

export const handler = scheduledJobHandler('count-partitions', () => startOrCheckCounters(tableContext()));
