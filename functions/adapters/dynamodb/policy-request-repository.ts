import type { AuditEntry } from '../../domain/audit.js';
import type { PolicyRequest } from '../../domain/policy-requests/policy-request.js';
import { ConcurrentModificationError } from '../../errors/pms-error.js';
import type { TableContext } from './client.js';
import { indexKeys, keys } from './keys.js';
import { auditPut, transactWrite, TransactionRefused } from './transactions.js';

function requestItem(request: PolicyRequest): Record<string, unknown> {
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

/**
 * Stores a new pending request and counts it on the policy in the same transaction, on the condition that the
 * policy is still activated: deactivation and new requests can never both win.
 */
export async function createPolicyRequest(table: TableContext, request: PolicyRequest, audit: AuditEntry): Promise<void> {
  try {
    await transactWrite(table, [
      { Put: { TableName: table.tableName, Item: requestItem(request), ConditionExpression: 'attribute_not_exists(pk)' } },
      {
        Update: {
          TableName: table.tableName,
          Key: keys.policy(request.policyId),
          UpdateExpression: 'SET pendingRequestCount = pendingRequestCount + :one, revision = revision + :one',
          ConditionExpression: '#status = :activated',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':one': 1, ':activated': 'activated' },
        },
      },
      auditPut(table, audit),
    ]);
  } catch (error) {
    if (error instanceof TransactionRefused) throw new ConcurrentModificationError(`policy ${request.policyId}`);
    throw error;
  }
}
