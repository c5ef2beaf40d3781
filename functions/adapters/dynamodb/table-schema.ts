/**
 * The single table's key schema, shared by the CDK table, DynamoDB Local and the repositories.
 * docs/data-model.md lists which entity uses which key and index, and which endpoint each query serves.
 */
export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** TTL attribute: only for items that may vanish (never for business records, whose expiry is checked in code). */
  timeToLive: 'ttl',
  indexes: [
    /** Collections under a parent: the groups list, a group's policies, a partner's keys, audit by day. */
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** Sparse status lists: active groups, pending requests, partners by type. */
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /** Expiry calendars: certificates and keys by expiry date. */
    { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ],
} as const;

export type IndexName = (typeof TABLE_SCHEMA.indexes)[number]['name'];
