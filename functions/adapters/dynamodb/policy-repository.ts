import type { TableContext } from './client.js';
import type { Policy } from '../../domain/policies/policy.js';
import type { PolicyRepository } from '../../domain/policies/ports.js';
import { ConcurrentModificationError, UniqueConstraintError } from '../../errors/pms-error.js';
import { indexKeys, keys } from './keys.js';
import { getItem } from './items.js';
import { auditPut, transactWrite, TransactionRefused, type TransactItem } from './transactions.js';

/** Raised when the policy's group is missing or inactive at the moment of the write. */
export class InactivePolicyGroupError extends Error {
  constructor(groupId: string) {
    super(`policy group ${groupId} is not active`);
    this.name = 'InactivePolicyGroupError';
  }
}

function policyItem(policy: Policy): Record<string, unknown> {
  return {
    ...keys.policy(policy.id),
    entity: 'Policy',
    gsi1pk: indexKeys.policiesOfGroup(policy.policyGroupId),
    gsi1sk: `${policy.crDtimes}#${policy.id}`,
    ...policy,
  };
}

/**
 * The group keeps counts of its draft and active policies, changed in the same transaction as the policy, so
 * "a group with active or draft policies cannot be deactivated" holds even under concurrent writers.
 */
function groupCounterUpdate(table: TableContext, groupId: string, changes: { draft: number; active: number }): TransactItem {
  return {
    Update: {
      TableName: table.tableName,
      Key: keys.policyGroup(groupId),
      UpdateExpression: 'SET draftPolicyCount = draftPolicyCount + :draft, activePolicyCount = activePolicyCount + :active, revision = revision + :one',
      ConditionExpression: 'attribute_exists(pk) AND isActive = :true',
      ExpressionAttributeValues: { ':draft': changes.draft, ':active': changes.active, ':one': 1, ':true': true },
    },
  };
}

function statusChange(table: TableContext, next: Policy, expected: Policy): TransactItem {
  return {
    Put: {
      TableName: table.tableName,
      Item: policyItem({ ...next, revision: expected.revision + 1 }),
      ConditionExpression: '#status = :status AND revision = :revision',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': expected.status, ':revision': expected.revision },
    },
  };
}

export function dynamoPolicyRepository(table: TableContext): PolicyRepository {
  async function write(items: TransactItem[], policy: Policy, meaning: Record<number, () => Error>): Promise<void> {
    try {
      await transactWrite(table, items);
    } catch (error) {
      if (error instanceof TransactionRefused) {
        const first = error.failedConditions[0]!;
        throw (meaning[first] ?? (() => new ConcurrentModificationError(`policy ${policy.id}`)))();
      }
      throw error;
    }
  }

  return {
    createDraft: (policy, audit) =>
      write(
        [
          { Put: { TableName: table.tableName, Item: policyItem(policy), ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Put: {
              TableName: table.tableName,
              Item: { ...keys.policyName(policy.policyGroupId, policy.name), entity: 'PolicyName', policyId: policy.id },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          groupCounterUpdate(table, policy.policyGroupId, { draft: 1, active: 0 }),
          auditPut(table, audit),
        ],
        policy,
        { 1: () => new UniqueConstraintError('policyName'), 2: () => new InactivePolicyGroupError(policy.policyGroupId) },
      ),

    getPolicy: (id) => getItem<Policy>(table, keys.policy(id)),

    publish: (policy, publishedAt, schema, audit) =>
      write(
        [
          statusChange(table, { ...policy, status: 'activated', schema, publishDate: publishedAt, updDtimes: publishedAt, updBy: audit.actor }, policy),
          groupCounterUpdate(table, policy.policyGroupId, { draft: -1, active: 1 }),
          auditPut(table, audit),
        ],
        policy,
        { 1: () => new InactivePolicyGroupError(policy.policyGroupId) },
      ),

    deactivate: (policy, at, actor, audit) =>
      write(
        [
          statusChange(table, { ...policy, status: 'deactivated', updDtimes: at, updBy: actor }, policy),
          {
            Update: {
              TableName: table.tableName,
              Key: keys.policyGroup(policy.policyGroupId),
              UpdateExpression: 'SET activePolicyCount = activePolicyCount - :one, revision = revision + :one',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
          auditPut(table, audit),
        ],
        policy,
        {},
      ),
  };
}
