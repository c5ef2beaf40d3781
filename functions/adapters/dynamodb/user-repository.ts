import type { UserRepository } from '../../domain/users/ports.js';
import type { UserConsent } from '../../domain/users/user-consent.js';
import type { TableContext } from './client.js';
import { getItem, queryPartition } from './items.js';
import { keys, sortKeyPrefixes, userPartition } from './keys.js';
import { auditPut, transactWrite } from './transactions.js';

/** What the table knows about a signed-in user: the partners they own (written at registration) and their consent. */
export function dynamoUserRepository(table: TableContext): UserRepository {
  return {
    async ownsPartner(userId) {
      // The user's partner links share the partition `USER#<userId>` with the consent item.
      return (await queryPartition(table, 'table', userPartition(userId), { sortKeyPrefix: sortKeyPrefixes.partnersOfUser, limit: 1 })).length > 0;
    },

    getConsent: (userId) => getItem<UserConsent>(table, keys.userConsent(userId)),

    saveConsent: (consent, audit) =>
      transactWrite(table, [
        { Put: { TableName: table.tableName, Item: { ...keys.userConsent(consent.userId), entity: 'UserConsent', ...consent } } },
        auditPut(table, audit),
      ]),
  };
}
