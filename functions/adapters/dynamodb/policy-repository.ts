import type { AuditEntry } from '../../domain/audit.js';
import type { EventModel } from '../../domain/events/event-model.js';
import type { Policy } from '../../domain/policies/policy.js';
import type { PolicyRepository } from '../../domain/policies/ports.js';
import { ConcurrentModificationError, InactivePolicyGroupError, UniqueConstraintError } from '../../errors/pms-error.js';
import type { TableContext } from './client.js';
import { getItem, queryPartition } from './items.js';
import { indexKeys, keys } from './keys.js';
import { outboxPut } from './outbox.js';
import { auditPut, type TransactItem, TransactionRefused, transactWrite } from './transactions.js';

function policyItem(policy: Policy): Record<string, unknown> {
  return {
    ...keys.policy(policy.id),
    entity: 'Policy',
    gsi1pk: indexKeys.policiesOfGroup(policy.policyGroupId),
    gsi1sk: `${policy.crDtimes}#${policy.id}`,
    gsi2pk: indexKeys.allPolicies,
    gsi2sk: `${policy.crDtimes}#${policy.id}`,
    ...(policy.status === 'activated' ? { gsi3pk: indexKeys.activePoliciesNamed(policy.name), gsi3sk: policy.id } : {}),
    ...policy,
  };
}

function nameGuardPut(table: TableContext, policy: Policy): TransactItem {
  return {
    Put: {
      TableName: table.tableName,
      Item: { ...keys.policyName(policy.policyGroupId, policy.name), entity: 'PolicyName', policyId: policy.id },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
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

/** Replaces the policy if it is still what the caller read (same status and revision). */
function replacePolicy(table: TableContext, next: Policy, previous: Policy, extraCondition = ''): TransactItem {
  return {
    Put: {
      TableName: table.tableName,
      Item: policyItem({ ...next, revision: previous.revision + 1 }),
      ConditionExpression: `#status = :status AND revision = :revision${extraCondition}`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': previous.status, ':revision': previous.revision, ...(extraCondition ? { ':zero': 0 } : {}) },
    },
  };
}

export function dynamoPolicyRepository(table: TableContext): PolicyRepository {
  /** Writes the items with the audit record and events; maps a failed condition (by position) to a domain error. */
  async function write(items: TransactItem[], audit: AuditEntry, events: EventModel[], meaning: Record<number, () => Error>, policyId: string) {
    try {
      await transactWrite(table, [...items, auditPut(table, audit), ...events.map((event) => outboxPut(table, event))]);
    } catch (error) {
      if (error instanceof TransactionRefused) {
        const first = error.failedConditions[0]!;
        throw (meaning[first] ?? (() => new ConcurrentModificationError(`policy ${policyId}`)))();
      }
      throw error;
    }
  }

  return {
    // In MOSIP's order of checks (group active, then name, then id): the first refused item is the one reported.
    createDraft: (policy, audit) =>
      write(
        [
          groupCounterUpdate(table, policy.policyGroupId, { draft: 1, active: 0 }),
          nameGuardPut(table, policy),
          { Put: { TableName: table.tableName, Item: policyItem(policy), ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
        audit,
        [],
        {
          0: () => new InactivePolicyGroupError(policy.policyGroupId),
          1: () => new UniqueConstraintError('policyName'),
          2: () => new UniqueConstraintError('policyId'),
        },
        policy.id,
      ),

    getPolicy: (id) => getItem<Policy>(table, keys.policy(id)),

    async getPolicyByName(groupId, name) {
      const guard = await getItem<{ policyId: string }>(table, keys.policyName(groupId, name));
      return guard ? getItem<Policy>(table, keys.policy(guard.policyId)) : undefined;
    },

    async hasActivePolicyNamed(name) {
      return (await queryPartition(table, 'gsi3', indexKeys.activePoliciesNamed(name), { limit: 1 })).length > 0;
    },

    // Whole partition: the lists filter, sort and page it in memory, so a cap would make their totals wrong.
    listPolicies: () => queryPartition<Policy>(table, 'gsi2', indexKeys.allPolicies),

    updateDraft(next, previous, audit, events) {
      const renamed = keys.policyName(next.policyGroupId, next.name).pk !== keys.policyName(previous.policyGroupId, previous.name).pk;
      const items = [replacePolicy(table, next, previous)];
      if (renamed)
        items.push(nameGuardPut(table, next), { Delete: { TableName: table.tableName, Key: keys.policyName(previous.policyGroupId, previous.name) } });
      return write(items, audit, events, { 1: () => new UniqueConstraintError('policyName') }, next.id);
    },

    publish: (next, previous, audit, events) =>
      write(
        [replacePolicy(table, next, previous), groupCounterUpdate(table, next.policyGroupId, { draft: -1, active: 1 })],
        audit,
        events,
        { 1: () => new InactivePolicyGroupError(next.policyGroupId) },
        next.id,
      ),

    deactivate: (next, previous, audit, events) =>
      write(
        [
          replacePolicy(table, next, previous, ' AND pendingRequestCount = :zero AND approvedRequestCount = :zero'),
          {
            Update: {
              TableName: table.tableName,
              Key: keys.policyGroup(next.policyGroupId),
              UpdateExpression: 'SET activePolicyCount = activePolicyCount - :one, revision = revision + :one',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
        ],
        audit,
        events,
        {},
        next.id,
      ),
  };
}
