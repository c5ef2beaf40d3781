import type { Partner, PartnerContact } from '../../domain/partners/partner.js';
import type { PartnerRepository } from '../../domain/partners/ports.js';
import { ConcurrentModificationError, InactivePartnerError, InactivePolicyGroupError, UniqueConstraintError } from '../../errors/pms-error.js';
import type { TableContext } from './client.js';
import { getItem, queryPartition } from './items.js';
import { indexKeys, keys, sortKeyPrefixes, userPartition } from './keys.js';
import { retiredLicenseItems } from './misp-license-repository.js';
import { outboxPut } from './outbox.js';
import { countChanges } from './partition-counts.js';
import { auditPut, putIfUnchanged, type TransactItem, TransactionRefused, transactWrite } from './transactions.js';

export function partnerItem(partner: Partner): Record<string, unknown> {
  const sortKey = `${partner.crDtimes}#${partner.id}`;
  return {
    ...keys.partner(partner.id),
    entity: 'Partner',
    gsi1pk: indexKeys.allPartners,
    gsi1sk: sortKey,
    gsi2pk: indexKeys.partnersOfType(partner.partnerType),
    gsi2sk: sortKey,
    ...partner,
  };
}

function guardPut(table: TableContext, key: { pk: string; sk: string }, partnerId: string, entity: string): TransactItem {
  return { Put: { TableName: table.tableName, Item: { ...key, entity, partnerId }, ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** The partner's group must exist and be active when the partner is stored with it. */
function activeGroupCheck(table: TableContext, groupId: string): TransactItem {
  return {
    ConditionCheck: {
      TableName: table.tableName,
      Key: keys.policyGroup(groupId),
      ConditionExpression: 'isActive = :true',
      ExpressionAttributeValues: { ':true': true },
    },
  };
}

export function dynamoPartnerRepository(table: TableContext): PartnerRepository {
  return {
    async register(partner, audit) {
      const items: TransactItem[] = [
        { Put: { TableName: table.tableName, Item: partnerItem(partner), ConditionExpression: 'attribute_not_exists(pk)' } },
        guardPut(table, keys.partnerEmail(partner.emailLookup), partner.id, 'PartnerEmail'),
        { Put: { TableName: table.tableName, Item: { ...keys.userPartner(partner.userId, partner.id), entity: 'UserPartner', partnerId: partner.id } } },
        auditPut(table, audit),
      ];
      if (partner.policyGroupId) items.push(activeGroupCheck(table, partner.policyGroupId));
      items.push(...countChanges(table, partnerItem(partner), undefined));
      try {
        await transactWrite(table, items);
      } catch (error) {
        if (!(error instanceof TransactionRefused)) throw error;
        // MOSIP answers a taken e-mail before a taken id.
        if (error.failedConditions.includes(1)) throw new UniqueConstraintError('emailId');
        if (error.failedConditions.includes(0)) throw new UniqueConstraintError('partnerId');
        if (error.failedConditions.includes(4)) throw new InactivePolicyGroupError(partner.policyGroupId ?? '');
        throw error;
      }
    },

    getPartner: (id) => getItem<Partner>(table, keys.partner(id)),

    getContact: (partnerId, emailLookup) => getItem<PartnerContact>(table, keys.partnerContact(partnerId, emailLookup)),

    async saveContact(contact, isNew, audit) {
      const items: TransactItem[] = [
        { Put: { TableName: table.tableName, Item: { ...keys.partnerContact(contact.partnerId, contact.emailLookup), entity: 'PartnerContact', ...contact } } },
        auditPut(table, audit),
      ];
      if (isNew) {
        items.push({
          ConditionCheck: {
            TableName: table.tableName,
            Key: keys.partner(contact.partnerId),
            ConditionExpression: 'isActive = :true',
            ExpressionAttributeValues: { ':true': true },
          },
        });
      }
      try {
        await transactWrite(table, items);
      } catch (error) {
        if (error instanceof TransactionRefused) throw new InactivePartnerError(contact.partnerId);
        throw error;
      }
    },

    async partnersOfUser(userId) {
      const owned = await queryPartition<{ partnerId: string }>(table, 'table', userPartition(userId), {
        sortKeyPrefix: sortKeyPrefixes.partnersOfUser,
      });
      const partners = await Promise.all(owned.map(({ partnerId }) => getItem<Partner>(table, keys.partner(partnerId))));
      return partners.filter((partner): partner is Partner => partner !== undefined);
    },

    listPartners: () => queryPartition<Partner>(table, 'gsi1', indexKeys.allPartners),

    async emailRegistered(emailLookup) {
      return (await getItem(table, keys.partnerEmail(emailLookup))) !== undefined;
    },

    async save(next, previous, audit, events, licenses) {
      const items: TransactItem[] = [
        putIfUnchanged(table, partnerItem({ ...next, revision: previous.revision + 1 }), previous.revision),
        auditPut(table, audit),
        ...events.map((event) => outboxPut(table, event)),
      ];
      const groupChanged = next.policyGroupId !== previous.policyGroupId && next.policyGroupId;
      if (groupChanged) items.push(activeGroupCheck(table, next.policyGroupId!));
      const firstLicenseItem = items.length;
      if (licenses) items.push(...retiredLicenseItems(table, licenses));
      try {
        await transactWrite(table, items);
      } catch (error) {
        if (!(error instanceof TransactionRefused)) throw error;
        if (error.failedConditions.includes(0)) throw new ConcurrentModificationError(`partner ${next.id}`);
        if (error.failedConditions.some((position) => position >= firstLicenseItem)) throw new ConcurrentModificationError(`misp licenses of ${next.id}`);
        if (groupChanged && error.failedConditions.includes(firstLicenseItem - 1)) throw new InactivePolicyGroupError(next.policyGroupId!);
        throw error;
      }
    },
  };
}
