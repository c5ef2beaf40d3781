import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clockStartingAt, runTime } from '../../functions/jobs/job-handler.js';
import { SCHEDULED_JOBS, scheduledJobsAt } from '../../functions/jobs/job-table.js';
import { nextRunAfter, schedulerExpression, withOverride } from '../../functions/jobs/schedule.js';

const at = (iso: string) => new Date(iso);

test('daily: the next run is today at the time if still ahead, else tomorrow; never the same instant', () => {
  const daily = { every: 'day', at: '02:30' } as const;
  assert.equal(nextRunAfter(daily, at('2026-12-03T01:00:00Z')).toISOString(), '2026-12-03T02:30:00.000Z');
  assert.equal(nextRunAfter(daily, at('2026-12-03T02:30:00Z')).toISOString(), '2026-12-04T02:30:00.000Z');
  assert.equal(nextRunAfter(daily, at('2026-12-31T23:59:59Z')).toISOString(), '2027-01-01T02:30:00.000Z');
});

test('weekly: the next run falls on its weekday', () => {
  const weekly = { every: 'week', on: 'MON', at: '07:00' } as const;
  // 2026-12-03 is a Thursday.
  assert.equal(nextRunAfter(weekly, at('2026-12-03T08:00:00Z')).toISOString(), '2026-12-07T07:00:00.000Z');
  assert.equal(nextRunAfter(weekly, at('2026-12-07T06:59:00Z')).toISOString(), '2026-12-07T07:00:00.000Z');
  assert.equal(nextRunAfter(weekly, at('2026-12-07T07:00:00Z')).toISOString(), '2026-12-14T07:00:00.000Z');
});

test('hourly: the next run is this hour at the minute if still ahead, else the next hour; the minute is MM', () => {
  const hourly = { every: 'hour', at: '07' } as const;
  assert.equal(nextRunAfter(hourly, at('2026-12-03T01:00:00Z')).toISOString(), '2026-12-03T01:07:00.000Z');
  assert.equal(nextRunAfter(hourly, at('2026-12-03T01:07:00Z')).toISOString(), '2026-12-03T02:07:00.000Z');
  assert.equal(nextRunAfter(hourly, at('2026-12-31T23:30:00Z')).toISOString(), '2027-01-01T00:07:00.000Z');
  assert.equal(schedulerExpression(hourly), 'cron(7 * * * ? *)');
  assert.deepEqual(withOverride(hourly, '45'), { every: 'hour', at: '45' });
  for (const bad of ['60', '7', '01:07', 'MON 07']) assert.throws(() => withOverride(hourly, bad), /hourly job's time is the minute MM/, bad);
});

test('EventBridge Scheduler expressions', () => {
  assert.equal(schedulerExpression({ every: 'day', at: '00:30' }), 'cron(30 0 * * ? *)');
  assert.equal(schedulerExpression({ every: 'week', on: 'FRI', at: '23:05' }), 'cron(5 23 ? * FRI *)');
  assert.throws(() => schedulerExpression({ every: 'day', at: '24:00' }), /HH:MM/);
  assert.throws(() => schedulerExpression({ every: 'day', at: '7:00' }), /HH:MM/);
});

test('overrides keep a job daily or weekly, and refuse what they cannot mean', () => {
  assert.deepEqual(withOverride({ every: 'day', at: '00:30' }, '04:15'), { every: 'day', at: '04:15' });
  assert.deepEqual(withOverride({ every: 'week', on: 'MON', at: '07:00' }, 'SUN 06:00'), { every: 'week', on: 'SUN', at: '06:00' });
  assert.throws(() => withOverride({ every: 'day', at: '00:30' }, 'MON 04:15'), /daily job's time is HH:MM/);
  assert.throws(() => withOverride({ every: 'week', on: 'MON', at: '07:00' }, '06:00'), /weekly job's time is DAY HH:MM/);
  assert.throws(() => withOverride({ every: 'week', on: 'MON', at: '07:00' }, 'SOMEDAY 06:00'), /weekly job's time/);
});

test('job times by name, from JSON text or an object; unknown names fail', () => {
  assert.deepEqual(scheduledJobsAt(undefined), SCHEDULED_JOBS);
  const moved = scheduledJobsAt('{"expire-credentials":"05:00"}').find((job) => job.name === 'expire-credentials');
  assert.deepEqual(moved?.schedule, { every: 'day', at: '05:00' });
  assert.throws(() => scheduledJobsAt({ 'no-such-job': '05:00' }), /no scheduled job "no-such-job"; the jobs are expire-credentials/);
  assert.throws(() => scheduledJobsAt('["05:00"]'), /object of job name to time/);
  assert.throws(() => scheduledJobsAt({ 'expire-credentials': 5 }), /must be a string/);
});

test('a run works for its scheduled time; a clock started there moves on with real time', () => {
  const now = at('2026-12-03T09:00:00Z');
  assert.equal(runTime(undefined, now), now);
  assert.equal(runTime({}, now), now);
  assert.equal(runTime({ at: '2027-01-15T00:30:00Z' }, now).toISOString(), '2027-01-15T00:30:00.000Z');
  assert.throws(() => runTime({ at: 'tomorrow' }, now), /ISO-8601/);
  const clock = clockStartingAt(at('2030-06-01T00:00:00Z'));
  const first = clock.now().getTime();
  assert.ok(first >= Date.parse('2030-06-01T00:00:00Z') && first < Date.parse('2030-06-01T00:00:01Z'));
  assert.ok(clock.now().getTime() >= first);
});
