import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { ApiKey } from '../../domain/api-keys/api-key.js';
import type { MispLicense } from '../../domain/misp-licenses/misp-license.js';
import type { VerificationReader, VerifiedPartner } from '../../domain/verification/ports.js';
import type { TableContext } from './client.js';
import { withoutStorageAttributes } from './items.js';
import { apiKeyKeys, type ItemKey, keys, mispLicenseKeys } from './keys.js';

/** Keys DynamoDB left unprocessed (throttling only, never in normal operation) are asked again, this many times. */
const UNPROCESSED_RETRIES = 3;

/**
 * Key verification's only read: one strongly consistent BatchGetItem of the key item (`APIKEY#<sha256>`, which
 * carries its policy's snapshot), the partner item and the license item (`MISP_LICENSE#<sha256>`). No head item:
 * a license's `isActive` already implies it is its MISP's newest (see verify.ts). Nothing is written.
 */
export function dynamoVerificationReader(table: TableContext): VerificationReader {
  return {
    async read(keyHash, partnerId, licenseHash) {
      const wanted: ItemKey[] = [
        ...(keyHash === null ? [] : [apiKeyKeys.apiKey(keyHash)]),
        keys.partner(partnerId),
        ...(licenseHash === null ? [] : [mispLicenseKeys.license(licenseHash)]),
      ];
      const found: Record<string, unknown>[] = [];
      let pending: Record<string, unknown>[] = wanted as unknown as Record<string, unknown>[];
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        if (attempt > UNPROCESSED_RETRIES) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed`);
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
        const { Responses, UnprocessedKeys } = await table.client.send(
          new BatchGetCommand({ RequestItems: { [table.tableName]: { Keys: pending, ConsistentRead: true } } }),
        );
        found.push(...(Responses?.[table.tableName] ?? []));
        pending = UnprocessedKeys?.[table.tableName]?.Keys ?? [];
      }
      const item = <T>(key: ItemKey | null): T | undefined => {
        const hit = key && found.find((candidate) => candidate.pk === key.pk && candidate.sk === key.sk);
        return hit ? withoutStorageAttributes<T>(hit) : undefined;
      };
      return {
        key: item<ApiKey>(keyHash === null ? null : apiKeyKeys.apiKey(keyHash)),
        partner: item<VerifiedPartner>(keys.partner(partnerId)),
        license: item<MispLicense>(licenseHash === null ? null : mispLicenseKeys.license(licenseHash)),
      };
    },
  };
}
