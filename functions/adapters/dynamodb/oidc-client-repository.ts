import type { OidcClient } from '../../domain/oidc-clients/oidc-client.js';
import type { OidcClientChange, OidcClientRepository } from '../../domain/oidc-clients/ports.js';
import { ConcurrentModificationError, UniqueConstraintError } from '../../errors/pms-error.js';
import { activePartnerCheck, commitWrites, itemWrites, type Write } from './change-writes.js';
import type { TableContext } from './client.js';
import { getItem, queryPartition } from './items.js';
import { oidcClientKeys } from './keys.js';
import { outboxPut } from './outbox.js';
import { auditPut } from './transactions.js';

function clientItem(client: OidcClient): Record<string, unknown> {
  return {
    ...oidcClientKeys.client(client.id),
    entity: 'OidcClient',
    gsi1pk: oidcClientKeys.clientsOfPartner(client.partnerId),
    gsi1sk: `${client.crDtimes}#${client.id}`,
    gsi2pk: oidcClientKeys.allClients,
    gsi2sk: `${client.crDtimes}#${client.id}`,
    ...(client.pending ? { gsi3pk: oidcClientKeys.pendingClients, gsi3sk: `${client.pending.since}#${client.id}` } : {}),
    ...client,
  };
}

/**
 * OIDC clients as items of the one table: each change one transaction with the partner check, the audit record and
 * the events. A new client's conditional put refuses a second client of the same public key (its id is the key's hash).
 */
export function dynamoOidcClientRepository(table: TableContext): OidcClientRepository {
  return {
    async commit(change: OidcClientChange) {
      const writes: Write[] = [
        ...(change.activePartnerId ? [activePartnerCheck(table, change.activePartnerId)] : []),
        ...itemWrites(table, change.client, clientItem, new UniqueConstraintError('oidcClientId')),
        ...(change.audit ? [{ item: auditPut(table, change.audit) }] : []),
        ...(change.events ?? []).map((event) => ({ item: outboxPut(table, event) })),
      ];
      await commitWrites(table, writes, () => new ConcurrentModificationError(`OIDC client ${change.client.next.id}`));
    },
    discard: (client) =>
      commitWrites(
        table,
        [
          {
            item: {
              Delete: {
                TableName: table.tableName,
                Key: oidcClientKeys.client(client.id),
                ConditionExpression: 'revision = :revision',
                ExpressionAttributeValues: { ':revision': client.revision },
              },
            },
          },
        ],
        () => new ConcurrentModificationError(`OIDC client ${client.id}`),
      ),
    getClient: (id) => getItem<OidcClient>(table, oidcClientKeys.client(id)),
    clientsOfPartner: (partnerId) => queryPartition<OidcClient>(table, 'gsi1', oidcClientKeys.clientsOfPartner(partnerId)),
    allClients: () => queryPartition<OidcClient>(table, 'gsi2', oidcClientKeys.allClients),
    pendingClients: () => queryPartition<OidcClient>(table, 'gsi3', oidcClientKeys.pendingClients),
  };
}
