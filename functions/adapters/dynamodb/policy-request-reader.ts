import type { Partner } from '../../domain/partners/partner.js';
import type { Policy } from '../../domain/policies/policy.js';
import type { PolicyGroup } from '../../domain/policy-groups/policy-group.js';
import type { PolicyRequest, PolicyRequestStatus } from '../../domain/policy-requests/policy-request.js';
import type { PolicyRequestListReader } from '../../domain/policy-requests/request-list-queries.js';
import type { TableContext } from './client.js';
import { batchGet, queryPartition } from './items.js';
import { indexKeys, keys, sortKeyPrefixes } from './keys.js';

const STATUSES: readonly PolicyRequestStatus[] = ['InProgress', 'approved', 'rejected'];
/**
 * Reads the partner–policy request list, every row: request rows with Query only, read to the end (the status
 * partitions of gsi2 for admins, `PARTNER#<id>` begins_with `POLICY_REQUEST#` for a partner), joins with
 * BatchGetItem on distinct keys.
 */
export function dynamoPolicyRequestReader(table: TableContext): PolicyRequestListReader {
  return {
    async allRequests() {
      const partitions = await Promise.all(STATUSES.map((status) => queryPartition<PolicyRequest>(table, 'gsi2', indexKeys.requestsInStatus(status))));
      return partitions.flat();
    },

    requestsOfPartner: (partnerId) =>
      queryPartition<PolicyRequest>(table, 'table', keys.partner(partnerId).pk, { sortKeyPrefix: sortKeyPrefixes.policyRequests }),

    partnersByIds: (ids) => batchGet<Partner>(table, distinct(ids).map(keys.partner)),
    policiesByIds: (ids) => batchGet<Policy>(table, distinct(ids).map(keys.policy)),
    groupsByIds: (ids) => batchGet<PolicyGroup>(table, distinct(ids).map(keys.policyGroup)),
  };
}

function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
