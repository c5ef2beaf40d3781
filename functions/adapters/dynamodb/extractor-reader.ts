import type { ExtractorReader } from '../../domain/policy-requests/ports.js';
import type { TableContext } from './client.js';
import { queryPartition } from './items.js';
import { keys, sortKeyPrefixes } from './keys.js';

export function dynamoExtractorReader(table: TableContext): ExtractorReader {
  return {
    async hasExtractors(partnerId, policyId) {
      const found = await queryPartition(table, 'table', keys.partner(partnerId).pk, {
        sortKeyPrefix: sortKeyPrefixes.bioExtractorsOfPolicy(policyId),
        limit: 1,
      });
      return found.length > 0;
    },
  };
}
