import { partnerCertificateExpiry } from '../../domain/certificates/stored-certificates.js';
import { type ChipCertificate, chipCertificateInService, chipStatus, type FtmChip, isLiveChip } from '../../domain/ftm-chips/ftm-chip.js';
import type { ChipChange, FtmChipRepository } from '../../domain/ftm-chips/ports.js';
import { ConcurrentModificationError, InactivePartnerError, UniqueConstraintError } from '../../errors/pms-error.js';
import type { TableContext } from './client.js';
import { getItem, queryPartition } from './items.js';
import { expiryCalendarEntry, ftmChipKeys, indexKeys, keys } from './keys.js';
import { outboxPut } from './outbox.js';
import { auditPut, putIfUnchanged, type TransactItem, TransactionRefused, transactWrite } from './transactions.js';

function chipItem(chip: FtmChip): Record<string, unknown> {
  const inService = chipCertificateInService(chip);
  return {
    ...ftmChipKeys.chip(chip.id),
    entity: 'FtmChip',
    gsi1pk: ftmChipKeys.chipsOfProvider(chip.ftpProviderId),
    gsi1sk: `${chip.crDtimes}#${chip.id}`,
    gsi2pk: indexKeys.ftmChipsInStatus(chipStatus(chip)),
    gsi2sk: `${chip.crDtimes}#${chip.id}`,
    ...(inService ? expiryCalendarEntry(partnerCertificateExpiry(inService), 'ftmChip', chip.id) : {}),
    ...chip,
  };
}

function certificateItem(certificate: ChipCertificate): Record<string, unknown> {
  return { ...ftmChipKeys.certificate(certificate.ftmId, certificate.certId), entity: 'FtmChipCertificate', ...certificate };
}

/** A transaction item and what its failed condition means (undefined: the chip changed since it was read). */
interface Write {
  item: TransactItem;
  refusal?: Error;
}

function putNew(table: TableContext, item: Record<string, unknown>, refusal: Error): Write {
  return { item: { Put: { TableName: table.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } }, refusal };
}

/** The chip at its next revision, or new; its make-and-model guard held while it is live. */
function chipWrites(table: TableContext, { next, previous }: ChipChange['chip']): Write[] {
  const writes: Write[] = previous
    ? [{ item: putIfUnchanged(table, chipItem({ ...next, revision: previous.revision + 1 }), previous.revision) }]
    : [putNew(table, chipItem(next), new UniqueConstraintError('ftmChipId'))];
  const nextGuard = isLiveChip(next) ? ftmChipKeys.chipModel(next) : undefined;
  const previousGuard = previous && isLiveChip(previous) ? ftmChipKeys.chipModel(previous) : undefined;
  if (previousGuard?.pk === nextGuard?.pk) return writes;
  if (previousGuard) writes.push({ item: { Delete: { TableName: table.tableName, Key: previousGuard } } });
  if (nextGuard) writes.push(putNew(table, { ...nextGuard, entity: 'FtmChipModelGuard', ownerId: next.id }, new UniqueConstraintError('ftmChipModel')));
  return writes;
}

function activePartner(table: TableContext, partnerId: string): Write {
  return {
    item: {
      ConditionCheck: {
        TableName: table.tableName,
        Key: keys.partner(partnerId),
        ConditionExpression: 'isActive = :true',
        ExpressionAttributeValues: { ':true': true },
      },
    },
    refusal: new InactivePartnerError(partnerId),
  };
}

/**
 * FTM chips and their certificate uploads as items of the one table (docs/data-model.md, "FTM chips"): each change
 * is one transaction, which keeps the model guard, the status index partition (the dashboard counts
 * `pending_approval`) and the expiry calendar in step with the chip.
 */
export function dynamoFtmChipRepository(table: TableContext): FtmChipRepository {
  return {
    async commit(change: ChipChange) {
      const writes: Write[] = [
        ...(change.activePartnerId ? [activePartner(table, change.activePartnerId)] : []),
        ...chipWrites(table, change.chip),
        ...(change.certificate ? [putNew(table, certificateItem(change.certificate), new UniqueConstraintError('ftmChipCertificate'))] : []),
        { item: auditPut(table, change.audit) },
        ...(change.events ?? []).map((event) => ({ item: outboxPut(table, event) })),
      ];
      try {
        await transactWrite(
          table,
          writes.map((write) => write.item),
        );
      } catch (error) {
        if (!(error instanceof TransactionRefused)) throw error;
        const refusal = error.failedConditions.map((index) => writes[index]?.refusal).find((candidate) => candidate !== undefined);
        throw refusal ?? new ConcurrentModificationError(`FTM chip ${change.chip.next.id}`);
      }
    },
    getChip: (id) => getItem<FtmChip>(table, ftmChipKeys.chip(id)),
    chipsOfProvider: (providerId) => queryPartition<FtmChip>(table, 'gsi1', ftmChipKeys.chipsOfProvider(providerId)),
    chipsInStatus: (status) => queryPartition<FtmChip>(table, 'gsi2', indexKeys.ftmChipsInStatus(status)),
    getChipCertificate: (ftmId, certId) => getItem<ChipCertificate>(table, ftmChipKeys.certificate(ftmId, certId)),
  };
}
