/**
 * `npm run bench`: builds every function bundle twice, with the runtime layer and without it, and prints sizes and
 * load times as ratios to an empty handler with the DynamoDB document client. A report, never a test: nothing here
 * passes or fails on a timing (the budgets and the columns are explained in docs/bench.md).
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { build } from 'esbuild';
import { SCHEDULED_JOBS } from '../functions/jobs/job-table.js';
import { ROUTES } from '../functions/routes/route-table.js';
import { layerImportSpecifiers } from '../layers/runtime/packages.js';
import { buildRuntimeLayer, esbuildOptionsOf, functionBundling } from '../lib/bundling.js';
import { certificateBench } from './bench-certificates.js';
import { notificationBench } from './bench-notifications.js';
import { personalDataBench } from './bench-personal-data.js';
import { scaleBench } from './bench-scale.js';
import { verificationBench } from './bench-verification.js';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH_DIR = join(PROJECT_ROOT, '.bench');
const LAYER_DIR = join(BENCH_DIR, 'layer');
const LAYER_NODE_MODULES = join(LAYER_DIR, 'nodejs', 'node_modules');
const BASELINE_ENTRY = join(BENCH_DIR, 'baseline', 'handler.ts');
const EMPTY_MODULE = join(BENCH_DIR, 'baseline', 'empty.mjs');
const AUTHORIZER_ENTRY = 'functions/authorizer/handler.ts';

const SIZE_FLAG_BYTES = 500_000;
const MIN_RUNS = 3;
const MAX_RUNS = 11;
/** Time for load timings: keeps a whole run, even of about 100 functions, within about 3 minutes on 2 cores. */
const TIMING_BUDGET_MS = 120_000;

// What every handler pays before its own code: the document client over the DynamoDB client, created on first use.
const BASELINE_SOURCE = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let client: DynamoDBDocumentClient | undefined;

export async function handler() {
  client ??= DynamoDBDocumentClient.from(new DynamoDBClient({}));
  return { statusCode: 204 };
}
`;

interface Target {
  name: string;
  entry: string;
}

interface Variant {
  label: 'layer' | 'bundled';
  dir: string;
  bundling: BundlingOptions;
}

/** A bundle, its minified size, and the packages it imports at run time (the layer's, for the with-layer build). */
type Built = { file: string; bytes: number; externalImports: string[] } | { error: string };

const VARIANTS: readonly Variant[] = [
  { label: 'layer', dir: join(BENCH_DIR, 'with-layer'), bundling: functionBundling() },
  { label: 'bundled', dir: join(BENCH_DIR, 'without-layer'), bundling: { ...functionBundling(), externalModules: [] } },
];

const BASELINE: Target = { name: '(baseline) empty handler + DynamoDB document client', entry: BASELINE_ENTRY };

/** One target per entry file named in the route and job tables, plus the authorizer; entries not written yet are listed apart. */
function functionTargets(): { targets: Target[]; missing: string[] } {
  const namesByEntry = new Map<string, string[]>([[AUTHORIZER_ENTRY, ['authorizer']]]);
  for (const route of ROUTES) namesByEntry.set(route.entry, [...(namesByEntry.get(route.entry) ?? []), route.operationId]);
  for (const job of SCHEDULED_JOBS) namesByEntry.set(job.entry, [`job ${job.name}`]);
  const targets: Target[] = [];
  const missing: string[] = [];
  for (const [entry, names] of namesByEntry) {
    if (existsSync(join(PROJECT_ROOT, entry))) targets.push({ name: names.join(', '), entry: join(PROJECT_ROOT, entry) });
    else missing.push(`${names.join(', ')} (${entry})`);
  }
  return { targets, missing };
}

function prepareBenchDir(): void {
  for (const dir of [LAYER_DIR, dirname(BASELINE_ENTRY), ...VARIANTS.map((variant) => variant.dir)]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  writeFileSync(BASELINE_ENTRY, BASELINE_SOURCE);
  writeFileSync(EMPTY_MODULE, 'export {};\n');
  buildRuntimeLayer(LAYER_DIR);
  // Bundles in with-layer/<function>/ find the layer as Lambda's /var/task code finds /opt/nodejs/node_modules.
  const withLayerDir = VARIANTS.find((variant) => variant.label === 'layer')!.dir;
  symlinkSync(relative(withLayerDir, LAYER_NODE_MODULES), join(withLayerDir, 'node_modules'), 'dir');
  assertLayerResolves(withLayerDir);
}

/**
 * .bench sits inside the project, so a package missing from the layer would silently resolve from the project's
 * own node_modules and the "with layer" timings would measure the wrong code. Refuse to run instead.
 */
function assertLayerResolves(withLayerDir: string): void {
  const probe = join(withLayerDir, 'layer-probe.mjs');
  writeFileSync(probe, `for (const s of ${JSON.stringify(layerImportSpecifiers())}) console.log(s, import.meta.resolve(s));\n`);
  const result = spawnSync(process.execPath, [probe], { encoding: 'utf8' });
  const layerUrl = pathToFileURL(LAYER_NODE_MODULES).href;
  const strays = result.stdout.split('\n').filter((line) => line && !line.split(' ')[1]?.startsWith(layerUrl));
  if (result.status !== 0 || strays.length > 0) {
    throw new Error(`the bench layer does not provide every layer import:\n${strays.join('\n')}${result.stderr}`);
  }
}

interface BuiltTarget {
  target: Target;
  layer: Built;
  bundled: Built;
}

async function bundleBoth(target: Target, dirName: string): Promise<BuiltTarget> {
  const [layer, bundled] = await Promise.all(VARIANTS.map((variant) => bundle(target, variant, dirName)));
  return { target, layer: layer!, bundled: bundled! };
}

async function bundle(target: Target, variant: Variant, dirName: string): Promise<Built> {
  const file = join(variant.dir, dirName, 'index.mjs');
  try {
    const { metafile } = await build({ ...esbuildOptionsOf(variant.bundling), entryPoints: [target.entry], outfile: file, metafile: true, logLevel: 'silent' });
    const output = Object.entries(metafile.outputs).find(([path]) => path.endsWith('.mjs'))![1];
    const externalImports = [...new Set(output.imports.filter((i) => i.external && !isBuiltin(i.path)).map((i) => i.path))];
    return { file, bytes: statSync(file).size, externalImports };
  } catch (error) {
    return { error: `build failed: ${firstLine(error)}` };
  }
}

/** Milliseconds a fresh node process spends in `import()` of the file, or the error it died with. */
function loadTime(file: string, nodeArgs: readonly string[]): number | Error {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  const result = spawnSync(process.execPath, ['--no-warnings', ...nodeArgs, '--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, AWS_REGION: process.env.AWS_REGION ?? 'eu-central-1' },
  });
  return result.status === 0 ? Number(result.stdout) : new Error(`load failed: ${firstLine(result.stderr)}`);
}

/**
 * Medians over rounds that each load every file once, so drift on a shared machine hits all files alike.
 * The first round sets how many rounds fit the time budget.
 */
function medianLoadTimes(files: string[], options: BenchOptions): { medians: Map<string, number | Error>; runs: number } {
  const samples = new Map<string, number[]>(files.map((file) => [file, []]));
  const failures = new Map<string, Error>();
  const round = () => {
    for (const file of files) {
      if (failures.has(file)) continue;
      const time = loadTime(file, options.nodeArgs);
      if (time instanceof Error) failures.set(file, time);
      else samples.get(file)!.push(time);
    }
  };
  const started = performance.now();
  round();
  const runs = options.runs ?? oddWithin(Math.floor(TIMING_BUDGET_MS / (performance.now() - started)), MIN_RUNS, MAX_RUNS);
  for (let run = 1; run < runs; run++) round();
  const medians = new Map<string, number | Error>(files.map((file) => [file, failures.get(file) ?? median(samples.get(file)!)]));
  return { medians, runs };
}

function oddWithin(value: number, min: number, max: number): number {
  const clamped = Math.min(max, Math.max(min, value));
  return clamped % 2 === 1 ? clamped : clamped - 1;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function directoryBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((total, item) => {
    const path = join(dir, item.name);
    return total + (item.isDirectory() ? directoryBytes(path) : statSync(path).size);
  }, 0);
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .split('\n')
      .find((line) => line.trim().length > 0)
      ?.trim() ?? 'unknown error'
  );
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const flaggedKB = (bytes: number) => `${kB(bytes)}${bytes > SIZE_FLAG_BYTES ? ' ⚑' : ''}`;
const ms = (value: number | Error | undefined) => (value === undefined ? '—' : value instanceof Error ? 'load failed' : value.toFixed(1));
const ratio = (value: number | Error | undefined, baseline: number | Error | undefined) =>
  typeof value === 'number' && typeof baseline === 'number' ? `${(value / baseline).toFixed(2)}×` : '—';

function table(header: string[], rows: string[][]): string {
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

interface BenchOptions {
  runs: number | undefined;
  nodeArgs: string[];
  /** Function names (operationIds, `authorizer`, `job <name>`) to bench alone, with the baseline; undefined for all. */
  only: string[] | undefined;
}

/**
 * `--runs N` fixes the number of runs; `--enable-source-maps` times the bundles as Lambda runs them with that
 * NODE_OPTIONS; `--only name1,name2` builds and times just those functions and the baseline, and prints the function
 * table alone (the later sections are skipped); `--skip-scale` leaves out the scale section, `--only-scale` runs it alone.
 */
function benchOptionsFromArgs(args: readonly string[]): BenchOptions {
  const runsIndex = args.indexOf('--runs');
  const runs = runsIndex < 0 ? undefined : Number(args[runsIndex + 1]);
  if (runs !== undefined && (!Number.isInteger(runs) || runs < 1)) throw new Error('--runs takes a positive integer');
  const onlyIndex = args.indexOf('--only');
  const only = onlyIndex < 0 ? undefined : (args[onlyIndex + 1] ?? '').split(',').filter(Boolean);
  if (only?.length === 0) throw new Error('--only takes a comma-separated list of function names');
  return { runs, nodeArgs: args.includes('--enable-source-maps') ? ['--enable-source-maps'] : [], only };
}

/** The targets named by `--only` (a target serving several operations matches any of them); an unknown name stops the bench. */
function selectedTargets(targets: Target[], only: string[] | undefined): Target[] {
  if (only === undefined) return targets;
  const namesOf = (target: Target) => target.name.split(', ');
  const unknown = only.filter((name) => !targets.some((target) => namesOf(target).includes(name)));
  if (unknown.length > 0) throw new Error(`--only: no function named ${unknown.join(', ')}`);
  return targets.filter((target) => namesOf(target).some((name) => only.includes(name)));
}

async function main(): Promise<void> {
  const options = benchOptionsFromArgs(process.argv.slice(2));
  if (process.argv.includes('--only-scale')) return printScaleBench();
  prepareBenchDir();
  const { targets: allTargets, missing } = functionTargets();
  const targets = selectedTargets(allTargets, options.only);
  const built = await Promise.all([bundleBoth(BASELINE, 'baseline'), ...targets.map((target) => bundleBoth(target, target.name.split(',')[0]!))]);
  const baseline = built[0]!;

  const files = [EMPTY_MODULE, ...built.flatMap((row) => [row.layer, row.bundled]).flatMap((b) => ('file' in b ? [b.file] : []))];
  const { medians, runs } = medianLoadTimes(files, options);
  const timeOf = (b: Built) => ('file' in b ? medians.get(b.file) : undefined);
  const baselineLayer = timeOf(baseline.layer);
  const baselineBundled = timeOf(baseline.bundled);

  const rows = built.map(({ target, layer, bundled }) => [
    target.name,
    'bytes' in layer ? flaggedKB(layer.bytes) : layer.error,
    'bytes' in bundled ? flaggedKB(bundled.bytes) : bundled.error,
    ms(timeOf(layer)),
    ms(timeOf(bundled)),
    ratio(timeOf(layer), baselineLayer),
    ratio(timeOf(bundled), baselineBundled),
    'externalImports' in layer ? layer.externalImports.join(', ') : '',
  ]);
  const flagged = built.filter(({ layer, bundled }) => [layer, bundled].some((b) => 'bytes' in b && b.bytes > SIZE_FLAG_BYTES));
  const loadErrors = [...medians].filter((entry): entry is [string, Error] => entry[1] instanceof Error);
  const layerPackages = readdirSync(LAYER_NODE_MODULES).flatMap((name) =>
    name.startsWith('@') ? readdirSync(join(LAYER_NODE_MODULES, name)).map((scoped) => `${name}/${scoped}`) : [name],
  );

  const mode = options.nodeArgs.length > 0 ? `node ${options.nodeArgs.join(' ')}` : 'node';
  console.log(`\nPMS function bundles — ${mode} ${process.version}, ${runs} runs per bundle (median), local machine, not Lambda\n`);
  console.log(
    table(
      [
        'function',
        'size with layer',
        'size without layer',
        'load with layer (ms)',
        'load without layer (ms)',
        '× baseline, with layer',
        '× baseline, without layer',
        'imports from the layer',
      ],
      rows,
    ),
  );
  console.log(`\nempty ES module: ${ms(medians.get(EMPTY_MODULE))} ms (the floor of any import)`);
  console.log(`runtime layer: ${kB(directoryBytes(LAYER_NODE_MODULES))} in all`);
  console.log(
    table(
      ['layer package', 'size'],
      layerPackages.map((name) => [name, kB(directoryBytes(join(LAYER_NODE_MODULES, name)))]),
    ),
  );
  console.log(`\nover ${SIZE_FLAG_BYTES / 1000} kB minified (⚑): ${flagged.length === 0 ? 'none' : flagged.map((row) => row.target.name).join('; ')}`);
  if (missing.length > 0) console.log(`entries in the route table not written yet: ${missing.join('; ')}`);
  for (const [file, error] of loadErrors) console.log(`${relative(PROJECT_ROOT, file)}: ${error.message}`);
  if (options.only) return;

  console.log('\nCertificate upload work per second (in process, one core; docs/bench.md)');
  console.log(table(['operation', 'per second', 'ms each', '× slower than the baseline'], await certificateBench()));

  console.log('\nIDA key verification through the local stack vs a bare DynamoDB Local GetItem (same run; docs/bench.md)');
  console.log(table(['measurement', 'result'], await verificationBench()));

  console.log('\nThe daily expiry-notification job over a seeded table (docs/bench.md)');
  console.log(table(['measurement', 'result'], await notificationBench()));

  console.log('\nPersonal data sealed per field: the cost on the partner paths (in process; docs/bench.md)');
  console.log(table(['path', 'ms', 'key-service calls (KMS round trips on AWS)'], await personalDataBench()));

  if (!process.argv.includes('--skip-scale')) await printScaleBench();
}

/** The scale section (docs/bench.md, "Scale"): seeding takes minutes at full size (PMS_BENCH_SCALE shrinks it). */
async function printScaleBench(): Promise<void> {
  const { seeding, calls } = await scaleBench();
  console.log('\nScale: a national-size table against a small one of the same shape (in process; docs/bench.md)');
  console.log(table(['measurement', 'result'], seeding));
  console.log(table(['call', 'answer', 'small table', 'large table', 'large table reads (one call)', 'large ÷ small', 'target'], calls));
}

await main();
