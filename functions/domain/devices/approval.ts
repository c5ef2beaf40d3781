/**
 * MOSIP's approval columns of SBIs and devices: `approval_status` and `is_active`. What MOSIP's lists show is derived
 * from both: an approved item that is no longer active is `deactivated`.
 */
export type ApprovalStatus = 'pending_approval' | 'approved' | 'rejected';
export type DerivedStatus = ApprovalStatus | 'deactivated';

export interface Approvable {
  approvalStatus: ApprovalStatus;
  isActive: boolean;
}

/** The status MOSIP's lists show (SBIs, devices, FTM chips, and a chip's provider): approved but inactive is `deactivated`. */
export function derivedStatus<Status extends string>({ approvalStatus, isActive }: { approvalStatus: Status; isActive: boolean }): Status | 'deactivated' {
  return approvalStatus === 'approved' && !isActive ? 'deactivated' : approvalStatus;
}

export const DERIVED_STATUSES: readonly DerivedStatus[] = ['pending_approval', 'approved', 'rejected', 'deactivated'];

/** Pending, or approved and active: the states an SBI or device can still move on from. */
export function isLive(item: Approvable): boolean {
  return item.approvalStatus === 'pending_approval' || (item.approvalStatus === 'approved' && item.isActive);
}

/** Audit columns of every SBI, device and link (MOSIP cr_by, cr_dtimes, upd_by, upd_dtimes). */
export interface AuditColumns {
  crBy: string;
  crDtimes: string;
  updBy: string | null;
  updDtimes: string | null;
  revision: number;
}

export function changedBy<T extends AuditColumns>(item: T, userId: string, now: Date, change: Partial<T>): T {
  return { ...item, ...change, updBy: userId, updDtimes: now.toISOString() };
}
