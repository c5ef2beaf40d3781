import { keys } from '../adapters/dynamodb/keys.js';

/**
 * What an operation's code does to the PMS table, declared on its route row: CDK grants exactly these actions to the
 * operation's function, and the local server refuses any other command the operation sends, so the e2e suite proves
 * each declaration (local/table-grants.ts). `probe` is the health checks': one GetItem in the probe's own partition,
 * which holds no data, so a public route can tell whether the table answers without being able to read anything.
 */
export type TableAccess = 'none' | 'probe' | 'read' | 'read-write';

/** Point reads, batch reads and queries. No Scan: every list is a Query on a key or index (docs/bench.md › Performance budgets). */
export const TABLE_READ_ACTIONS: readonly string[] = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];

/**
 * Item writes. TransactWriteItems has no IAM action of its own: it is authorized per item through these, with
 * ConditionCheckItem for its condition checks.
 */
export const TABLE_WRITE_ACTIONS: readonly string[] = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];

export function tableActionsOf(access: TableAccess): readonly string[] {
  if (access === 'none') return [];
  if (access === 'probe') return ['dynamodb:GetItem'];
  return access === 'read' ? TABLE_READ_ACTIONS : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS];
}

/**
 * The partition keys an access is confined to (IAM's `dynamodb:LeadingKeys`, on the table alone, no index), or
 * undefined where it spans the whole table and its indexes.
 */
export function leadingKeysOf(access: TableAccess): readonly string[] | undefined {
  return access === 'probe' ? [keys.healthProbe.pk] : undefined;
}
