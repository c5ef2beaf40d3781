import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ExpiringItem, ExpiryCalendar, ExpiryKind } from '../../domain/expiry/expiry-calendar.js';
import type { TableContext } from './client.js';
import { withoutStorageAttributes } from './items.js';
import { indexKeys } from './keys.js';

/**
 * The expiry calendars on gsi3 (`EXPIRY#<kind>` / `<expiresAt>#<id>`). A page is one Query of at most `limit`
 * items; `after + ' '` is the least sort key above `after` that any calendar key can have (keys continue with '#'
 * or an id character, all above a space), so a page never repeats the item it continues from.
 */
export function dynamoExpiryCalendar(table: TableContext): ExpiryCalendar {
  return {
    async page<Kind extends ExpiryKind>(kind: Kind, after: string, until: string, limit: number) {
      const page = await table.client.send(
        new QueryCommand({
          TableName: table.tableName,
          IndexName: 'gsi3',
          KeyConditionExpression: 'gsi3pk = :calendar AND gsi3sk BETWEEN :after AND :until',
          ExpressionAttributeValues: { ':calendar': indexKeys.expiryCalendar(kind), ':after': `${after} `, ':until': until },
          Limit: limit,
        }),
      );
      const items = (page.Items ?? []).map((item) => withoutStorageAttributes<ExpiringItem<Kind>>(item));
      const next = page.LastEvaluatedKey ? String(page.LastEvaluatedKey.gsi3sk) : null;
      return { items, next };
    },
  };
}
