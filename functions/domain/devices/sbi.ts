import { DEVICE_ERRORS, LEGACY_DEVICE_ERRORS } from '../../errors/device-errors.js';
import { type ErrorDefinition, PmsError, withArguments } from '../../errors/pms-error.js';
import { type Approvable, type AuditColumns, isLive } from './approval.js';

/**
 * A secure biometric interface (MOSIP `secure_biometric_interface`): one version of a device provider's SBI
 * software. States: pending_approval (inactive) → approved (active) | rejected; approved → deactivated. The
 * software's dates are instants (`swCreateDateTime`, `swExpiryDateTime`); `swBinaryHash` is kept as text (MOSIP keeps
 * its bytes and answers them as text).
 */
export interface Sbi extends Approvable, AuditColumns {
  id: string;
  providerId: string;
  swVersion: string;
  swBinaryHash: string;
  swCreateDateTime: string;
  swExpiryDateTime: string;
}

/** What audit records call an SBI. */
export const SBI_AUDIT_TYPE = 'SecureBiometricInterface';

/** MOSIP `mosip.pms.created.date.max.year` and `mosip.pms.expiry.date.max.year`. */
export const SBI_DATE_LIMIT_YEARS = 10;

/** `sbiExpiryStatus`: an SBI is expired from the day after its expiry date (MOSIP compares with CURRENT_DATE). */
export function isExpired(sbi: Pick<Sbi, 'swExpiryDateTime'>, now: Date): boolean {
  return calendarDay(sbi.swExpiryDateTime) < calendarDay(now.toISOString());
}

export function expiryStatus(sbi: Pick<Sbi, 'swExpiryDateTime'>, now: Date): 'expired' | 'valid' {
  return isExpired(sbi, now) ? 'expired' : 'valid';
}

/**
 * Why an SBI takes no devices or device approvals, in MOSIP's order (PartnerHelper#validateSbiDeviceMapping): pending
 * (009), rejected (028), deactivated (029), expired (021); undefined when it is approved, active and unexpired.
 */
export function whyNoDevices(sbi: Sbi, now: Date): ErrorDefinition | undefined {
  if (sbi.approvalStatus === 'pending_approval') return DEVICE_ERRORS.PENDING_APPROVAL_SBI;
  if (sbi.approvalStatus === 'rejected') return DEVICE_ERRORS.REJECTED_SBI;
  if (!sbi.isActive) return DEVICE_ERRORS.DEACTIVATED_SBI;
  if (isExpired(sbi, now)) return DEVICE_ERRORS.SBI_EXPIRED;
  return undefined;
}

/** An SBI the expiry job still has to switch off once it lapses. */
export function awaitsExpiry(sbi: Sbi): boolean {
  return isLive(sbi);
}

function calendarDay(isoInstant: string): string {
  return isoInstant.slice(0, 10);
}

function yearsFrom(day: string, years: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
}

/**
 * SecureBiometricInterfaceServiceImpl#validateDates, by calendar day as MOSIP compares them, in its order: created
 * not after today (PMS_AUT_514), expiry after today (PMS_AUT_508), created not more than 10 years back (PMS_AUT_516),
 * expiry not more than 10 years ahead (PMS_AUT_515). Ours on top: expiry after created (PMS_AUT_507, MOSIP's own code
 * for it, which its service no longer checks; the first two rules imply it whenever both hold).
 */
export function checkSbiDates(swCreateDateTime: string, swExpiryDateTime: string, now: Date): void {
  const today = calendarDay(now.toISOString());
  const created = calendarDay(swCreateDateTime);
  const expiry = calendarDay(swExpiryDateTime);
  if (created > today) throw new PmsError(LEGACY_DEVICE_ERRORS.SWCREATEDDATE_SHOULD_BE_PAST_OR_TODAY);
  if (expiry <= today) throw new PmsError(LEGACY_DEVICE_ERRORS.EXPIRYDATE_SHOULD_BE_GREATERTHAN_TODAYSDATE);
  if (created < yearsFrom(today, -SBI_DATE_LIMIT_YEARS)) {
    throw new PmsError(withArguments(LEGACY_DEVICE_ERRORS.CREATEDDATE_SHOULD_NOT_BE_LESS_THAN_TEN_YEARS, SBI_DATE_LIMIT_YEARS));
  }
  if (expiry > yearsFrom(today, SBI_DATE_LIMIT_YEARS)) {
    throw new PmsError(withArguments(LEGACY_DEVICE_ERRORS.EXPIRYDATE_SHOULD_NOT_BE_GREATER_THAN_TEN_YEARS, SBI_DATE_LIMIT_YEARS));
  }
  if (swExpiryDateTime <= swCreateDateTime) throw new PmsError(LEGACY_DEVICE_ERRORS.SWCREATEDDATE_SHOULD_BE_LESSTHAN_EXPIRYDATE);
}
