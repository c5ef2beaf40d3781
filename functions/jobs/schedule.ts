/**
 * When a scheduled job runs: every hour at a minute (`at` is `MM`), every day, or every week on one day, at a UTC time
 * of day. The same value gives the EventBridge Scheduler expression of the deployed stack and the next run of the
 * local scheduler.
 */
export type JobSchedule = { every: 'hour'; at: string } | { every: 'day'; at: string } | { every: 'week'; on: Weekday; at: string };

const MINUTE_OF_HOUR = /^[0-5]\d$/;

function minuteOfHour(at: string): number {
  if (!MINUTE_OF_HOUR.test(at)) throw new Error(`an hourly job's time is the minute MM, not ${JSON.stringify(at)}`);
  return Number(at);
}

export const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

function timeOfDay(at: string): { hour: number; minute: number } {
  const match = TIME_OF_DAY.exec(at);
  if (!match) throw new Error(`a job time must be HH:MM in UTC, not ${JSON.stringify(at)}`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** The EventBridge Scheduler expression (evaluated in UTC): `cron(minutes hours day-of-month month day-of-week year)`. */
export function schedulerExpression(schedule: JobSchedule): string {
  if (schedule.every === 'hour') return `cron(${minuteOfHour(schedule.at)} * * * ? *)`;
  const { hour, minute } = timeOfDay(schedule.at);
  return schedule.every === 'day' ? `cron(${minute} ${hour} * * ? *)` : `cron(${minute} ${hour} ? * ${schedule.on} *)`;
}

/** The first run strictly after `after`. */
export function nextRunAfter(schedule: JobSchedule, after: Date): Date {
  if (schedule.every === 'hour') {
    const next = new Date(after);
    next.setUTCMinutes(minuteOfHour(schedule.at), 0, 0);
    if (next <= after) next.setUTCHours(next.getUTCHours() + 1);
    return next;
  }
  const { hour, minute } = timeOfDay(schedule.at);
  const next = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate(), hour, minute));
  while (next <= after || (schedule.every === 'week' && WEEKDAYS[next.getUTCDay()] !== schedule.on)) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/**
 * An operator's override of a job's time: `MM` for an hourly job, `HH:MM` for a daily job, `DAY HH:MM` (e.g. `MON 07:00`) for a weekly
 * one. A job cannot be turned from daily into weekly by configuration: its code counts on its period.
 */
export function withOverride(schedule: JobSchedule, override: string): JobSchedule {
  const parts = override.trim().split(/\s+/);
  if (schedule.every === 'hour') {
    if (parts.length !== 1) throw new Error(`an hourly job's time is the minute MM, not ${JSON.stringify(override)}`);
    minuteOfHour(parts[0]!);
    return { every: 'hour', at: parts[0]! };
  }
  if (schedule.every === 'day') {
    if (parts.length !== 1) throw new Error(`a daily job's time is HH:MM, not ${JSON.stringify(override)}`);
    timeOfDay(parts[0]!);
    return { every: 'day', at: parts[0]! };
  }
  const [day, at] = parts;
  if (parts.length !== 2 || !WEEKDAYS.includes(day as Weekday))
    throw new Error(`a weekly job's time is DAY HH:MM (DAY one of ${WEEKDAYS.join(', ')}), not ${JSON.stringify(override)}`);
  timeOfDay(at!);
  return { every: 'week', on: day as Weekday, at: at! };
}
