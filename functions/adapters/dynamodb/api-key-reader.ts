import type { ApiKeyReader } from '../../domain/policies/ports.js';
import type { TableContext } from './client.js';
import { queryPartition } from './items.js';
import { indexKeys } from './keys.js';

interface StoredApiKey {
  policyId: string;
  isActive: boolean;
  validToDatetime: string;
}

/** Reads a partner's API keys (stored as hashes under the partner, see docs/data-model.md), every one of them. */
export function dynamoApiKeyReader(table: TableContext): ApiKeyReader {
  return {
    async hasActiveApiKey(partnerId, policyId, now) {
      const keys = await queryPartition<StoredApiKey>(table, 'gsi1', indexKeys.apiKeysOfPartner(partnerId));
      // Expired keys count as inactive everywhere, whether or not the daily job has marked them yet.
      return keys.some((key) => key.policyId === policyId && key.isActive && key.validToDatetime > now.toISOString());
    },
  };
}
