import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundlingAssetOf, summarizeCloudAssembly, summaryLines } from './synth-summary.js';

/**
 * `npm run synth [-- CDK ARGS] [--verbose]`: `cdk synth` offline, printing a line per 20 bundled functions and then a
 * summary (stacks, functions and their largest bundles, cdk-nag's verdict) instead of esbuild's two lines per
 * function. `--verbose` shows everything; a failed synth shows everything it printed.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROGRESS_EVERY = 20;

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const cdkArgs = args.filter((arg) => arg !== '--verbose');
const outputFlag = cdkArgs.findIndex((arg) => arg === '-o' || arg === '--output');
const outDir = outputFlag >= 0 ? (cdkArgs[outputFlag + 1] ?? 'cdk.out') : 'cdk.out';

const started = Date.now();
const cdk = spawn(fileURLToPath(new URL('../node_modules/.bin/cdk', import.meta.url)), ['synth', '--no-notices', '--quiet', ...cdkArgs], {
  cwd: ROOT,
  stdio: verbose ? 'inherit' : ['ignore', 'pipe', 'pipe'],
});

const captured: string[] = [];
let bundled = 0;
function collect(chunk: Buffer): void {
  for (const line of chunk.toString('utf8').split('\n')) {
    captured.push(line);
    if (bundlingAssetOf(line) === undefined) continue;
    bundled += 1;
    if (bundled % PROGRESS_EVERY === 0) console.log(`synth: bundled ${bundled} assets (${Math.round((Date.now() - started) / 1000)} s)`);
  }
}
cdk.stdout?.on('data', collect);
cdk.stderr?.on('data', collect);

cdk.on('close', (code) => {
  if (code !== 0) {
    if (!verbose) process.stderr.write(`${captured.join('\n')}\n`);
    console.error(`cdk synth failed (exit ${code})`);
    process.exit(code ?? 1);
  }
  if (verbose) return;
  const seconds = Math.round((Date.now() - started) / 1000);
  for (const line of summaryLines(summarizeCloudAssembly(resolve(ROOT, outDir)), outDir, seconds)) console.log(line);
  console.log('npm run synth -- --verbose shows the bundler output');
});
