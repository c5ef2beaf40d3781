import { type AuditEntry, auditEntry } from '../audit.js';
import type { Caller } from '../caller.js';
import type { Change } from '../ports.js';
import { changedBy } from './approval.js';
import { DEVICE_AUDIT_TYPE, type DeviceDetail } from './device.js';
import type { DeviceChangeSet, DeviceDeps } from './ports.js';
import type { Sbi } from './sbi.js';

/** Devices per transaction: each is its put, its model guard and its audit record, under DynamoDB's 100 items. */
const DEVICES_PER_TRANSACTION = 25;

/**
 * What switching an SBI off does to the devices linked to it, as MOSIP's deactivateSbi does through
 * device_detail_sbi: approved, active devices are deactivated, pending ones rejected, the rest left alone. Each chunk
 * is conditional on the SBI being unchanged, so a device added meanwhile makes the caller read again.
 */
async function deviceCascadeOf(deps: Pick<DeviceDeps, 'devices'>, caller: Pick<Caller, 'userId'>, sbi: Sbi, now: Date): Promise<DeviceChangeSet[]> {
  const links = await deps.devices.linksOfSbi(sbi.id);
  const devices = await deps.devices.devicesByIds(links.map((link) => link.deviceId));
  const changes = devices.flatMap((device) => {
    const change = cascadeChange(device);
    return change ? [{ next: changedBy(device, caller.userId, now, change), previous: device }] : [];
  });
  const sets: DeviceChangeSet[] = [];
  for (let start = 0; start < changes.length; start += DEVICES_PER_TRANSACTION) {
    const chunk: Change<DeviceDetail>[] = changes.slice(start, start + DEVICES_PER_TRANSACTION);
    sets.push({
      devices: chunk,
      unchangedSbis: [sbi],
      audits: chunk.map(({ next }) =>
        auditEntry(caller.userId, next.approvalStatus === 'rejected' ? 'rejectDeviceWithSbi' : 'deactivateDeviceWithSbi', DEVICE_AUDIT_TYPE, next.id, now, {
          sbiId: sbi.id,
        }),
      ),
    });
  }
  return sets;
}

/**
 * Switches an SBI off (`next`, deactivated or rejected, with its audit record): its devices first, then the SBI, so a
 * failure part-way leaves the SBI live and a repeated call (or the next job run) finishes the work.
 */
export async function switchOffSbi(deps: Pick<DeviceDeps, 'devices'>, caller: Pick<Caller, 'userId'>, sbi: Sbi, next: Sbi, audit: AuditEntry, now: Date) {
  for (const changes of await deviceCascadeOf(deps, caller, sbi, now)) await deps.devices.commit(changes);
  await deps.devices.commit({ sbis: [{ next, previous: sbi }], audits: [audit] });
}

function cascadeChange(device: DeviceDetail): Partial<DeviceDetail> | undefined {
  if (device.approvalStatus === 'approved' && device.isActive) return { isActive: false };
  if (device.approvalStatus === 'pending_approval') return { approvalStatus: 'rejected', isActive: false };
  return undefined;
}
