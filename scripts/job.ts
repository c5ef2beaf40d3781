import { parseArgs } from 'node:util';
import { runTime } from '../functions/jobs/job-handler.js';
import { SCHEDULED_JOBS, scheduledJob } from '../functions/jobs/job-table.js';
import { LocalStackError, readLocalConfig } from '../local/config.js';
import { loadOrCreateEsignetClientSecret } from '../local/esignet.js';
import { handlerEnvironment } from '../local/handler-env.js';
import { runJobEntry } from '../local/scheduled-jobs.js';

const USAGE = [
  'usage: npm run job -- <name> [--at ISO-8601 instant]',
  'jobs:',
  ...SCHEDULED_JOBS.map((job) => `  ${job.name.padEnd(22)}${job.description}`),
].join('\n');

/**
 * Runs one scheduled job by hand against the running local stack (`npm start`), for now or for a simulated
 * instant, through the same entry EventBridge Scheduler invokes, and prints its report.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { at: { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1) throw new LocalStackError(USAGE);
  let job: ReturnType<typeof scheduledJob>;
  let at: Date;
  try {
    job = scheduledJob(positionals[0]!);
    at = runTime(values.at === undefined ? undefined : { at: values.at });
  } catch (error) {
    throw new LocalStackError(`${(error as Error).message}\n${USAGE}`);
  }
  const config = readLocalConfig();
  Object.assign(process.env, handlerEnvironment(config, { esignetClientSecret: await loadOrCreateEsignetClientSecret(config.dataDir) }));
  const started = Date.now();
  // Progress on stderr: stdout stays the one JSON line a script reads.
  process.stderr.write(`pms job: running ${job.name} as of ${at.toISOString()}…\n`);
  try {
    const report = await runJobEntry(job, at);
    process.stderr.write(`pms job: ${job.name} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    process.stdout.write(`${JSON.stringify({ job: job.name, at: at.toISOString(), report })}\n`);
  } catch (error) {
    const refused = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (refused === 'ECONNREFUSED' || (error as Error).name === 'TimeoutError')
      throw new LocalStackError('the local stack is not running: start it with npm start, then run the job again');
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof LocalStackError ? `pms job: ${error.message}` : error);
  process.exit(1);
});
