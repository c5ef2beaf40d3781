import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ScheduledJob, startScheduler } from '../../local/scheduler.js';
import { eventually } from '../support/processes.js';

describe('local scheduler', () => {
  it('runs each job again and again until stopped, and not after', async () => {
    let runs = 0;
    const scheduler = startScheduler([{ name: 'count', everyMs: 5, run: async () => void runs++ }]);
    await eventually('the job ran three times', () => runs >= 3);
    await scheduler.stop();
    const afterStop = runs;
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(runs, afterStop);
  });

  it('never overlaps two runs of the same job, and stop() waits for the run in progress', async () => {
    let active = 0;
    let mostActive = 0;
    let finished = 0;
    const slow: ScheduledJob = {
      name: 'slow',
      everyMs: 2,
      async run() {
        active++;
        mostActive = Math.max(mostActive, active);
        await new Promise((resolve) => setTimeout(resolve, 20));
        active--;
        finished++;
      },
    };
    const scheduler = startScheduler([slow]);
    await eventually('the slow job finished twice', () => finished >= 2);
    await scheduler.stop();
    assert.equal(mostActive, 1);
    assert.equal(active, 0);
  });

  it('reports a failing run and keeps the job (and the other jobs) scheduled', async () => {
    const reports: string[] = [];
    let failing = 0;
    let healthy = 0;
    const scheduler = startScheduler(
      [
        {
          name: 'broken',
          everyMs: 5,
          run: async () => {
            failing++;
            throw new Error('boom');
          },
        },
        { name: 'fine', everyMs: 5, run: async () => void healthy++ },
      ],
      (message) => reports.push(message),
    );
    await eventually('the broken job failed twice and the other ran twice', () => failing >= 2 && healthy >= 2);
    await scheduler.stop();
    assert.match(reports[0]!, /scheduled job broken failed: boom/);
  });
});
