import type { ApiKeyReader } from '../../domain/policies/ports.js';
import type { TableContext } from './client.js';
import { queryPartition } from './items.js';
import { indexKeys } from './keys.js';

/** A partner holds few keys (one per policy and label); more than this is not a real partner. */
const MAX_KEYS_PER_PARTNER = 500;

interface StoredApiKey {
  policyId: string;
  isActive: boolean;
  validToDatetime: string;
}

/** Reads a partner's API keys (stored as hashes under the partner, see docs/data-model.md). */
export function dynamoApiKeyReader(table: TableContext): ApiKeyReader {
  return {
    async hasActiveApiKey(partnerId, policyId, now) {
      const keys = await queryPartition<StoredApiKey>(table, 'gsi1', indexKeys.apiKeysOfPartner(partnerId), { limit: MAX_KEYS_PER_PARTNER });
      // Expired keys count as inactive everywhere, whether or not the daily job has marked them yet.
      return keys.some((key) => key.policyId === policyId && key.isActive && key.validToDatetime > now.toISOString());
    },
  };
}
