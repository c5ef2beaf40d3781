/**
 * What an operation's code does to the PMS table, declared on its route row: CDK grants exactly these actions to the
 * operation's function, and the local server refuses any other command the operation sends, so the e2e suite proves
 * each declaration (local/table-grants.ts).
 */
export type TableAccess = 'none' | 'read' | 'read-write';

/** Point reads, batch reads and queries. No Scan: every list is a Query on a key or index (DESIGN.md). */
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
  return access === 'read' ? TABLE_READ_ACTIONS : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS];
}
