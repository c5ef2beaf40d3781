import type { BiometricExtractor, CredentialTypeMapping } from '../../domain/credential-partners/credential-partner.js';
import type { CredentialPartnerRepository } from '../../domain/credential-partners/ports.js';
import type { Policy } from '../../domain/policies/policy.js';
import type { PolicyRequest } from '../../domain/policy-requests/policy-request.js';
import { ConcurrentModificationError, UniqueConstraintError } from '../../errors/pms-error.js';
import type { TableContext } from './client.js';
import { getItem, queryPartition } from './items.js';
import { type ItemKey, keys, sortKeyPrefixes } from './keys.js';
import { auditPut, type TransactItem, TransactionRefused, transactWrite } from './transactions.js';

function conditionCheck(table: TableContext, key: ItemKey, condition: string, values: Record<string, unknown>, names?: Record<string, string>): TransactItem {
  return {
    ConditionCheck: {
      TableName: table.tableName,
      Key: key,
      ConditionExpression: condition,
      ExpressionAttributeValues: values,
      ...(names ? { ExpressionAttributeNames: names } : {}),
    },
  };
}

export function dynamoCredentialPartnerRepository(table: TableContext): CredentialPartnerRepository {
  return {
    policyRequestsOf: (partnerId) =>
      queryPartition<PolicyRequest>(table, 'table', keys.partner(partnerId).pk, { sortKeyPrefix: sortKeyPrefixes.policyRequests }),

    extractorsOf: (partnerId, policyId) =>
      queryPartition<BiometricExtractor>(table, 'table', keys.partner(partnerId).pk, {
        sortKeyPrefix: sortKeyPrefixes.bioExtractorsOfPolicy(policyId),
      }),

    async saveExtractors(extractors, pendingRequests, audit) {
      const items: TransactItem[] = [
        ...extractors.map(
          (extractor): TransactItem => ({
            Put: {
              TableName: table.tableName,
              Item: { ...keys.bioExtractor(extractor.partnerId, extractor.policyId, extractor.attributeName), entity: 'BiometricExtractor', ...extractor },
            },
          }),
        ),
        // An approval between our read and this write would have closed the extractors; the request must still be as read.
        ...pendingRequests.map((request) =>
          conditionCheck(
            table,
            keys.policyRequest(request.partnerId, request.mappingKey),
            '#status = :pending AND revision = :revision',
            { ':pending': 'InProgress', ':revision': request.revision },
            { '#status': 'status' },
          ),
        ),
        auditPut(table, audit),
      ];
      try {
        await transactWrite(table, items);
      } catch (error) {
        if (error instanceof TransactionRefused) throw new ConcurrentModificationError(`policy requests of partner ${audit.objectId}`);
        throw error;
      }
    },

    getMapping: (partnerId, credentialType) => getItem<CredentialTypeMapping>(table, keys.credentialTypeMapping(partnerId, credentialType)),

    async createMapping(mapping, policyGroupId, audit) {
      try {
        await transactWrite(table, [
          {
            Put: {
              TableName: table.tableName,
              Item: { ...keys.credentialTypeMapping(mapping.partnerId, mapping.credentialType), entity: 'CredentialTypeMapping', ...mapping },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          conditionCheck(table, keys.partner(mapping.partnerId), 'isActive = :true', { ':true': true }),
          conditionCheck(table, keys.policy(mapping.policyId), '#status = :activated', { ':activated': 'activated' }, { '#status': 'status' }),
          conditionCheck(table, keys.policyGroup(policyGroupId), 'isActive = :true', { ':true': true }),
          auditPut(table, audit),
        ]);
      } catch (error) {
        if (!(error instanceof TransactionRefused)) throw error;
        // Only "already mapped" is final; anything else changed under us, and the caller re-checks what is stored.
        if (error.failedConditions.length === 1 && error.failedConditions[0] === 0) throw new UniqueConstraintError('credentialType');
        throw new ConcurrentModificationError(`credential type mapping of partner ${mapping.partnerId}`);
      }
    },

    async policyInGroupNamed(policyGroupId, name) {
      const guard = await getItem<{ policyId: string }>(table, keys.policyName(policyGroupId, name));
      return guard ? getItem<Policy>(table, keys.policy(guard.policyId)) : undefined;
    },
  };
}
