import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { JobProgress } from '../../domain/expiry/job-progress.js';
import type { TableContext } from './client.js';
import { getItem } from './items.js';
import { keys } from './keys.js';

/** One item per job (and calendar it walks); overwritten as the job moves on. */
export function dynamoJobProgress(table: TableContext): JobProgress {
  return {
    async reached(job) {
      return (await getItem<{ reached: string }>(table, keys.jobProgress(job)))?.reached;
    },
    async record(job, position) {
      await table.client.send(new PutCommand({ TableName: table.tableName, Item: { ...keys.jobProgress(job), entity: 'JobProgress', reached: position } }));
    },
  };
}
