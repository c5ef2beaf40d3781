import type { ApiKey } from '../../domain/api-keys/api-key.js';
import type { Partner } from '../../domain/partners/partner.js';
import type { IndexedList } from '../../domain/search/list-definition.js';
import type { TableContext } from './client.js';
import { queryPartition, queryWindow } from './items.js';
import { apiKeyKeys, indexKeys } from './keys.js';
import { type CountedPartition, partitionCount } from './partition-counts.js';

/** A list kept in a counted index partition: its total from the counter, a page as a window, or every row. */
export function dynamoIndexedList<T>(table: TableContext, counted: CountedPartition): IndexedList<T> {
  return {
    count: () => partitionCount(table, counted),
    window: (window) => queryWindow<T>(table, counted.index, counted.partition, window),
    all: () => queryPartition<T>(table, counted.index, counted.partition),
  };
}

/** The keys the admin key list shows (authentication partners'), in gsi2 `APIKEYS`. */
export const dynamoListedApiKeys = (table: TableContext) => dynamoIndexedList<ApiKey>(table, { index: 'gsi2', partition: apiKeyKeys.allApiKeys });

/** Every partner, in gsi1 `PARTNERS`. */
export const dynamoPartnerList = (table: TableContext) => dynamoIndexedList<Partner>(table, { index: 'gsi1', partition: indexKeys.allPartners });
