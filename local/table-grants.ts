import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TABLE_SCHEMA } from '../functions/adapters/dynamodb/table-schema.js';
import { checkLocalKeyUse } from '../functions/adapters/personal-data/local-key-service.js';
import { PERSONAL_DATA_ACTIONS, type PersonalDataUse } from '../functions/routes/personal-data-access.js';
import { leadingKeysOf, type TableAccess, tableActionsOf } from '../functions/routes/table-access.js';

/** The grant of the operation running now, as IAM would hold its function to it. */
interface RunningGrant {
  operationId: string;
  allowed: ReadonlySet<string>;
  /** The only partitions it may touch (IAM's dynamodb:LeadingKeys); undefined: any. */
  leadingKeys: ReadonlySet<string> | undefined;
  personalData: ReadonlySet<PersonalDataUse>;
}

const running = new AsyncLocalStorage<RunningGrant>();
const guarded = new WeakSet<object>();

/** The item actions a transaction asks IAM for, per item (TransactWriteItems and TransactGetItems have no action of their own). */
const TRANSACTION_ITEM_ACTIONS: Record<string, string> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
  Get: 'dynamodb:GetItem',
};

/** What AWS answers a function whose role lacks the action. */
export class LocalAccessDeniedError extends Error {
  override readonly name = 'AccessDeniedException';
  readonly $fault = 'client';
}

/** Runs one invocation of an operation under its route row's table access and personal-data uses. */
export function withTableGrant<T>(
  operationId: string,
  access: TableAccess,
  invoke: () => Promise<T>,
  personalData: readonly PersonalDataUse[] = [],
): Promise<T> {
  const leadingKeys = leadingKeysOf(access);
  return running.run(
    { operationId, allowed: new Set(tableActionsOf(access)), leadingKeys: leadingKeys && new Set(leadingKeys), personalData: new Set(personalData) },
    invoke,
  );
}

/**
 * Makes the local personal-data protector refuse, inside withTableGrant, every use the running operation's row does
 * not declare, with the error KMS gives a role without the action.
 */
export function enforcePersonalDataGrants(): void {
  checkLocalKeyUse((use) => {
    const grant = running.getStore();
    if (grant && !grant.personalData.has(use)) {
      const { action } = PERSONAL_DATA_ACTIONS[use];
      throw new LocalAccessDeniedError(`${grant.operationId} is not authorized to perform: ${action} (its route row declares no personal-data ${use})`);
    }
  });
}

/**
 * Makes the client refuse, inside withTableGrant, every command the running operation's grant would not allow on
 * AWS, before anything reaches DynamoDB Local. Outside a grant (local jobs, relays, tests arranging data) commands
 * pass. Installing twice is harmless.
 */
export function enforceTableGrants(client: DynamoDBDocumentClient): void {
  if (guarded.has(client)) return;
  guarded.add(client);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const grant = running.getStore();
      const refusal = grant && refusalOf(grant, context.commandName ?? '', args.input);
      if (refusal) throw new LocalAccessDeniedError(`${grant.operationId} is not authorized to ${refusal}`);
      return next(args);
    },
    { step: 'initialize', name: 'localTableGrant', priority: 'high' },
  );
}

/** The IAM actions a DynamoDB command needs: its own name, or per item for transactions. */
export function actionsNeeded(commandName: string, input: unknown): string[] {
  const operation = commandName.replace(/Command$/, '');
  if (operation === 'TransactWriteItems' || operation === 'TransactGetItems') {
    const items = (input as { TransactItems?: Record<string, unknown>[] }).TransactItems ?? [];
    return [...new Set(items.flatMap((item) => Object.keys(item).map((kind) => TRANSACTION_ITEM_ACTIONS[kind] ?? `dynamodb:${kind}`)))];
  }
  return [`dynamodb:${operation}`];
}

/** Why IAM would refuse the command to the grant, or undefined if it would allow it. */
function refusalOf(grant: RunningGrant, commandName: string, input: unknown): string | undefined {
  const refused = actionsNeeded(commandName, input).filter((action) => !grant.allowed.has(action));
  if (refused.length > 0) return `perform: ${refused.join(', ')} (its route row declares ${describe(grant)})`;
  if (!grant.leadingKeys) return undefined;
  const partition = partitionKeyOf(input);
  if (partition !== undefined && grant.leadingKeys.has(partition)) return undefined;
  return `touch partition ${partition ?? '(none named)'} (its route row confines it to ${[...grant.leadingKeys].join(', ')})`;
}

/** The partition key a single-item command names (as the document client takes it, or marshalled); undefined for the others. */
function partitionKeyOf(input: unknown): string | undefined {
  const value = (input as { Key?: Record<string, unknown> }).Key?.[TABLE_SCHEMA.partitionKey];
  if (typeof value === 'string') return value;
  const marshalled = (value as { S?: unknown } | undefined)?.S;
  return typeof marshalled === 'string' ? marshalled : undefined;
}

function describe(grant: RunningGrant): string {
  return grant.allowed.size === 0 ? 'no table access' : [...grant.allowed].join(', ');
}
