import { X509Certificate } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PmsCa, PmsCaStore } from '../../domain/certificates/pms-ca.js';
import type { TableContext } from './client.js';
import { certificateKeys } from './keys.js';
import { conditionalWrite } from './transactions.js';

interface PmsCaItem {
  root: string;
  issuing: string;
  createdAt: string;
}

/**
 * The PMS CA hierarchy as one item (certificates as PEM, readable in the console). Written once by a conditional
 * put; read strongly consistent, so a writer that lost the race reads the winner's item, never nothing.
 */
export function dynamoPmsCaStore(table: TableContext): PmsCaStore {
  return {
    async get() {
      const { Item } = await table.client.send(new GetCommand({ TableName: table.tableName, Key: certificateKeys.pmsCa, ConsistentRead: true }));
      if (!Item) return undefined;
      const { root, issuing } = Item as PmsCaItem;
      return { root: derOf(root), issuing: derOf(issuing) };
    },

    async putIfAbsent(ca: PmsCa, createdAt: string) {
      const item: PmsCaItem = { root: pemOf(ca.root), issuing: pemOf(ca.issuing), createdAt };
      return conditionalWrite(
        table.client.send(
          new PutCommand({
            TableName: table.tableName,
            Item: { ...certificateKeys.pmsCa, entity: 'PmsCa', ...item },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
    },
  };
}

function pemOf(der: Uint8Array): string {
  return new X509Certificate(der).toString();
}

function derOf(pem: string): Uint8Array {
  return new Uint8Array(new X509Certificate(pem).raw);
}
