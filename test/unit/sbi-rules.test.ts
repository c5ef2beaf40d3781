import assert from 'node:assert/strict';
import { test } from 'node:test';
import { derivedStatus, isLive } from '../../functions/domain/devices/approval.js';
import { checkSbiDates, expiryStatus, type Sbi, whyNoDevices } from '../../functions/domain/devices/sbi.js';
import { refusalOfCall } from '../support/refusals.js';

/*
 * The SBI date rules compare calendar days (UTC), as MOSIP compares LocalDate values: the boundaries are whole days,
 * whatever the time of day on either side.
 */

const NOW = new Date('2027-03-15T23:30:00.000Z');
const at = (day: string, time = '12:00:00.000') => `${day}T${time}Z`;

function refusedWith(created: string, expiry: string): string | undefined {
  try {
    checkSbiDates(created, expiry, NOW);
    return undefined;
  } catch {
    return refusalOfCall(() => checkSbiDates(created, expiry, NOW)).code;
  }
}

test('created: today at any time is fine, tomorrow is PMS_AUT_514; ten years back to the day is fine, a day more is PMS_AUT_516', () => {
  assert.equal(refusedWith(at('2027-03-15', '23:59:59.999'), at('2028-01-01')), undefined);
  assert.equal(refusedWith(at('2027-03-16', '00:00:00.000'), at('2028-01-01')), 'PMS_AUT_514');
  assert.equal(refusedWith(at('2017-03-15', '00:00:00.000'), at('2028-01-01')), undefined);
  assert.equal(refusedWith(at('2017-03-14', '23:59:59.999'), at('2028-01-01')), 'PMS_AUT_516');
});

test('expiry: tomorrow is fine, today is PMS_AUT_508; ten years ahead to the day is fine, a day more is PMS_AUT_515', () => {
  assert.equal(refusedWith(at('2027-01-01'), at('2027-03-16', '00:00:00.000')), undefined);
  assert.equal(refusedWith(at('2027-01-01'), at('2027-03-15', '23:59:59.999')), 'PMS_AUT_508');
  assert.equal(refusedWith(at('2027-01-01'), at('2037-03-15', '23:59:59.999')), undefined);
  assert.equal(refusedWith(at('2027-01-01'), at('2037-03-16', '00:00:00.000')), 'PMS_AUT_515');
});

test("MOSIP's order: a created date in the future is reported before an expiry in the past", () => {
  assert.equal(refusedWith(at('2027-04-01'), at('2027-01-01')), 'PMS_AUT_514');
  const message = refusalOfCall(() => checkSbiDates(at('2027-01-01'), at('2040-01-01'), NOW)).message;
  assert.equal(message, 'Expiry date should not be greater than 10 years from today');
});

const sbi = (change: Partial<Sbi>): Sbi => ({
  id: 'sbi-1',
  providerId: 'dp-1',
  swVersion: '1.0',
  swBinaryHash: 'hash',
  swCreateDateTime: at('2027-01-01'),
  swExpiryDateTime: at('2027-03-15', '00:00:00.000'),
  approvalStatus: 'approved',
  isActive: true,
  crBy: 'dp-1',
  crDtimes: at('2027-01-01'),
  updBy: null,
  updDtimes: null,
  revision: 0,
  ...change,
});

test('an SBI expires the day after its expiry date, and only an approved, active, unexpired SBI takes devices', () => {
  assert.equal(expiryStatus(sbi({}), NOW), 'valid', 'the expiry day itself is still valid');
  assert.equal(whyNoDevices(sbi({}), NOW), undefined);
  assert.equal(expiryStatus(sbi({ swExpiryDateTime: at('2027-03-14', '23:59:59.999') }), NOW), 'expired');
  assert.equal(whyNoDevices(sbi({ swExpiryDateTime: at('2027-03-14', '23:59:59.999') }), NOW)?.code, 'PMS_DEVICE_ERROR_021');
  assert.equal(whyNoDevices(sbi({ isActive: false }), NOW)?.code, 'PMS_DEVICE_ERROR_029');
  assert.equal(whyNoDevices(sbi({ approvalStatus: 'pending_approval', isActive: false }), NOW)?.code, 'PMS_DEVICE_ERROR_009');
  assert.equal(whyNoDevices(sbi({ approvalStatus: 'rejected', isActive: false }), NOW)?.code, 'PMS_DEVICE_ERROR_028');
});

test('derived status and liveness: approved and inactive is deactivated; pending and approved-active are live', () => {
  const cases = [
    [{ approvalStatus: 'pending_approval', isActive: false }, 'pending_approval', true],
    [{ approvalStatus: 'approved', isActive: true }, 'approved', true],
    [{ approvalStatus: 'approved', isActive: false }, 'deactivated', false],
    [{ approvalStatus: 'rejected', isActive: false }, 'rejected', false],
  ] as const;
  for (const [state, status, live] of cases) {
    assert.equal(derivedStatus(state), status);
    assert.equal(isLive(state), live);
  }
});
