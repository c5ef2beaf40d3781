import type { AuditEntry } from '../../domain/audit.js';
import type { PolicyRequest } from '../../domain/policy-requests/policy-request.js';
import type { PolicyLink, PolicyRequestRepository } from '../../domain/policy-requests/ports.js';
import { ConcurrentModificationError, InactivePolicyError, PolicyLinkTakenError } from '../../errors/pms-error.js';
import type { TableContext } from './client.js';
import { getItem } from './items.js';
import { indexKeys, keys } from './keys.js';
import { outboxPut } from './outbox.js';
import { countChanges } from './partition-counts.js';
import { auditPut, type TransactItem, TransactionRefused, transactWrite } from './transactions.js';

export function policyRequestItem(request: PolicyRequest): Record<string, unknown> {
  return {
    ...keys.policyRequest(request.partnerId, request.mappingKey),
    entity: 'PolicyRequest',
    gsi1pk: indexKeys.requestsOfPolicy(request.policyId),
    gsi1sk: `${request.status}#${request.crDtimes}`,
    gsi2pk: indexKeys.requestsInStatus(request.status),
    gsi2sk: `${request.crDtimes}#${request.mappingKey}`,
    ...request,
  };
}

/** Changes the policy's request counts; the policy must be activated for a new request. */
function policyCounts(table: TableContext, policyId: string, pending: number, approved: number, mustBeActivated: boolean): TransactItem {
  return {
    Update: {
      TableName: table.tableName,
      Key: keys.policy(policyId),
      UpdateExpression:
        'SET pendingRequestCount = pendingRequestCount + :pending, approvedRequestCount = approvedRequestCount + :approved, revision = revision + :one',
      ConditionExpression: mustBeActivated ? '#status = :activated' : 'attribute_exists(pk)',
      ...(mustBeActivated ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
      ExpressionAttributeValues: { ':pending': pending, ':approved': approved, ':one': 1, ...(mustBeActivated ? { ':activated': 'activated' } : {}) },
    },
  };
}

/**
 * A request is stored under its partner, with a pointer by mapping key and a link item per (partner, policy)
 * that admits one open request at a time; the policy counts its pending and approved requests in the same
 * transaction, so policy deactivation and new requests can never both win.
 */
export function dynamoPolicyRequestRepository(table: TableContext): PolicyRequestRepository {
  return {
    async create(request, audit) {
      try {
        await transactWrite(table, [
          { Put: { TableName: table.tableName, Item: policyRequestItem(request), ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Put: {
              TableName: table.tableName,
              Item: { ...keys.policyLink(request.partnerId, request.policyId), entity: 'PolicyLink', mappingKey: request.mappingKey, status: request.status },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: table.tableName,
              Item: { ...keys.policyRequestPointer(request.mappingKey), entity: 'PolicyRequestPointer', partnerId: request.partnerId },
            },
          },
          policyCounts(table, request.policyId, 1, 0, true),
          auditPut(table, audit),
          ...countChanges(table, policyRequestItem(request), undefined),
        ]);
      } catch (error) {
        if (!(error instanceof TransactionRefused)) throw error;
        if (error.failedConditions.includes(1)) throw new PolicyLinkTakenError(request.partnerId, request.policyId);
        if (error.failedConditions.includes(3)) throw new InactivePolicyError(request.policyId);
        throw new ConcurrentModificationError(`policy request ${request.mappingKey}`);
      }
    },

    async get(mappingKey) {
      const pointer = await getItem<{ partnerId: string }>(table, keys.policyRequestPointer(mappingKey));
      return pointer ? getItem<PolicyRequest>(table, keys.policyRequest(pointer.partnerId, mappingKey)) : undefined;
    },

    openLink: (partnerId, policyId) => getItem<PolicyLink>(table, keys.policyLink(partnerId, policyId)),

    async decide(next, previous, audit: AuditEntry, events) {
      const approved = next.status === 'approved';
      const link = keys.policyLink(next.partnerId, next.policyId);
      try {
        await transactWrite(table, [
          {
            Put: {
              TableName: table.tableName,
              Item: policyRequestItem({ ...next, revision: previous.revision + 1 }),
              ConditionExpression: '#status = :pending AND revision = :revision',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':pending': 'InProgress', ':revision': previous.revision },
            },
          },
          // A rejection closes the link, so the partner may ask again; an approval keeps it, for good.
          approved
            ? {
                Update: {
                  TableName: table.tableName,
                  Key: link,
                  UpdateExpression: 'SET #status = :approved',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':approved': 'approved' },
                },
              }
            : { Delete: { TableName: table.tableName, Key: link } },
          policyCounts(table, next.policyId, -1, approved ? 1 : 0, false),
          auditPut(table, audit),
          ...events.map((event) => outboxPut(table, event)),
          ...countChanges(table, policyRequestItem(next), policyRequestItem(previous)),
        ]);
      } catch (error) {
        if (error instanceof TransactionRefused) throw new ConcurrentModificationError(`policy request ${next.mappingKey}`);
        throw error;
      }
    },
  };
}
