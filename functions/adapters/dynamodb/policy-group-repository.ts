import type { AuditEntry } from '../../domain/audit.js';
import type { Policy } from '../../domain/policies/policy.js';
import type { PolicyGroup } from '../../domain/policy-groups/policy-group.js';
import type { PolicyGroupRepository } from '../../domain/policy-groups/ports.js';
import { ConcurrentModificationError, UniqueConstraintError } from '../../errors/pms-error.js';
import type { TableContext } from './client.js';
import { getItem, queryPartition } from './items.js';
import { indexKeys, keys } from './keys.js';
import { auditPut, putIfUnchanged, type TransactItem, TransactionRefused, transactWrite } from './transactions.js';

export function policyGroupItem(group: PolicyGroup): Record<string, unknown> {
  return {
    ...keys.policyGroup(group.id),
    entity: 'PolicyGroup',
    gsi1pk: indexKeys.allPolicyGroups,
    gsi1sk: `${group.crDtimes}#${group.id}`,
    ...(group.isActive ? { gsi2pk: indexKeys.activePolicyGroups, gsi2sk: `${group.crDtimes}#${group.id}` } : {}),
    ...group,
  };
}

export function dynamoPolicyGroupRepository(table: TableContext): PolicyGroupRepository {
  return {
    async createGroup(group, audit) {
      try {
        await transactWrite(table, [
          nameGuardPut(table, group),
          { Put: { TableName: table.tableName, Item: policyGroupItem(group), ConditionExpression: 'attribute_not_exists(pk)' } },
          auditPut(table, audit),
        ]);
      } catch (error) {
        if (error instanceof TransactionRefused && error.failedConditions.includes(0)) throw new UniqueConstraintError('policyGroupName');
        throw error;
      }
    },

    getGroup: (id) => getItem<PolicyGroup>(table, keys.policyGroup(id)),

    async getGroupByName(name) {
      const guard = await getItem<{ policyGroupId: string }>(table, keys.policyGroupName(name));
      return guard ? getItem<PolicyGroup>(table, keys.policyGroup(guard.policyGroupId)) : undefined;
    },

    // Whole partitions (groups are tens in a national deployment): the lists filter, sort and page in memory.
    listGroups: () => queryPartition<PolicyGroup>(table, 'gsi1', indexKeys.allPolicyGroups),

    listActiveGroups: () => queryPartition<PolicyGroup>(table, 'gsi2', indexKeys.activePolicyGroups),

    async saveGroup(next, previous, audit: AuditEntry) {
      const renamed = keys.policyGroupName(next.name).pk !== keys.policyGroupName(previous.name).pk;
      const items: TransactItem[] = [
        putIfUnchanged(table, policyGroupItem({ ...next, revision: previous.revision + 1 }), previous.revision),
        auditPut(table, audit),
      ];
      if (renamed) {
        items.push(nameGuardPut(table, next), { Delete: { TableName: table.tableName, Key: keys.policyGroupName(previous.name) } });
      }
      try {
        await transactWrite(table, items);
      } catch (error) {
        if (error instanceof TransactionRefused) {
          if (error.failedConditions.includes(0)) throw new ConcurrentModificationError(`policy group ${next.id}`);
          throw new UniqueConstraintError('policyGroupName');
        }
        throw error;
      }
    },

    policiesOfGroup: (groupId) => queryPartition<Policy>(table, 'gsi1', indexKeys.policiesOfGroup(groupId)),
  };
}

function nameGuardPut(table: TableContext, group: PolicyGroup): TransactItem {
  return {
    Put: {
      TableName: table.tableName,
      Item: { ...keys.policyGroupName(group.name), entity: 'PolicyGroupName', policyGroupId: group.id },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
