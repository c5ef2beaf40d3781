import { partnerCertificateExpiry } from '../../domain/certificates/stored-certificates.js';
import { derivedStatus } from '../../domain/devices/approval.js';
import { type ChipCertificate, chipCertificateInService, type FtmChip, isLiveChip } from '../../domain/ftm-chips/ftm-chip.js';
import type { ChipChange, FtmChipRepository } from '../../domain/ftm-chips/ports.js';
import { ConcurrentModificationError, UniqueConstraintError } from '../../errors/pms-error.js';
import { activePartnerCheck, commitWrites, guardWrites, itemWrites, putNew, type Write } from './change-writes.js';
import type { TableContext } from './client.js';
import { getItem, queryPartition } from './items.js';
import { expiryCalendarEntry, ftmChipKeys, indexKeys } from './keys.js';
import { outboxPut } from './outbox.js';
import { auditPut } from './transactions.js';

function chipItem(chip: FtmChip): Record<string, unknown> {
  const inService = chipCertificateInService(chip);
  return {
    ...ftmChipKeys.chip(chip.id),
    entity: 'FtmChip',
    gsi1pk: ftmChipKeys.chipsOfProvider(chip.ftpProviderId),
    gsi1sk: `${chip.crDtimes}#${chip.id}`,
    gsi2pk: indexKeys.ftmChipsInStatus(derivedStatus(chip)),
    gsi2sk: `${chip.crDtimes}#${chip.id}`,
    ...(inService ? expiryCalendarEntry(partnerCertificateExpiry(inService), 'ftmChip', chip.id) : {}),
    ...chip,
  };
}

function certificateItem(certificate: ChipCertificate): Record<string, unknown> {
  return { ...ftmChipKeys.certificate(certificate.ftmId, certificate.certId), entity: 'FtmChipCertificate', ...certificate };
}

/** The make-and-model guard is held while the chip is live, so rejected and deactivated chips free theirs. */
function chipWrites(table: TableContext, change: ChipChange['chip']): Write[] {
  return [
    ...itemWrites(table, change, chipItem, new UniqueConstraintError('ftmChipId')),
    ...guardWrites(
      table,
      change,
      (chip) => (isLiveChip(chip) ? ftmChipKeys.chipModel(chip) : undefined),
      'FtmChipModelGuard',
      new UniqueConstraintError('ftmChipModel'),
    ),
  ];
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
        ...(change.activePartnerId ? [activePartnerCheck(table, change.activePartnerId)] : []),
        ...chipWrites(table, change.chip),
        ...(change.certificate ? [putNew(table, certificateItem(change.certificate), new UniqueConstraintError('ftmChipCertificate'))] : []),
        { item: auditPut(table, change.audit) },
        ...(change.events ?? []).map((event) => ({ item: outboxPut(table, event) })),
      ];
      await commitWrites(table, writes, () => new ConcurrentModificationError(`FTM chip ${change.chip.next.id}`));
    },
    getChip: (id) => getItem<FtmChip>(table, ftmChipKeys.chip(id)),
    chipsOfProvider: (providerId) => queryPartition<FtmChip>(table, 'gsi1', ftmChipKeys.chipsOfProvider(providerId)),
    chipsInStatus: (status) => queryPartition<FtmChip>(table, 'gsi2', indexKeys.ftmChipsInStatus(status)),
    getChipCertificate: (ftmId, certId) => getItem<ChipCertificate>(table, ftmChipKeys.certificate(ftmId, certId)),
  };
}
