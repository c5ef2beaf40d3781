import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

/*
 * `npm test` runs `biome ci` over the tree before any test. These cases prove the gate bites: each probe is a
 * file the project's own configuration must refuse, checked in a scratch folder inside the repository (so the
 * project's biome.json applies) that is removed afterwards.
 */

const BIOME = join('node_modules', '.bin', 'biome');

function lintProbe(name: string, source: string): { status: number | null; output: string } {
  const dir = join('test', `.lint-probe-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(join(dir, name), source);
    const run = spawnSync(BIOME, ['ci', '--error-on-warnings', '--colors=off', dir], { encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const WELL_FORMED = "import { test } from 'node:test';\n\ntest('adds', () => {});\n";

test('a well-formed test file passes the gate, so the refusals below come from their findings', () => {
  const result = lintProbe('clean.test.ts', WELL_FORMED);
  assert.equal(result.status, 0, result.output);
});

test('a focused test (test.only) fails the gate', () => {
  const result = lintProbe('focused.test.ts', WELL_FORMED.replace("test('adds'", "test.only('adds'"));
  assert.notEqual(result.status, 0);
  assert.match(result.output, /noFocusedTests/);
});

test('a skipped test (test.skip) fails the gate', () => {
  const result = lintProbe('skipped.test.ts', WELL_FORMED.replace("test('adds'", "test.skip('adds'"));
  assert.notEqual(result.status, 0);
  assert.match(result.output, /noSkippedTests/);
});

test('a badly formatted file fails the gate', () => {
  const result = lintProbe('unformatted.ts', 'export const answer = {value:42}\n');
  assert.notEqual(result.status, 0);
  assert.match(result.output, /format/i);
});

test("no test passes node:test's skip, todo or only options, which the linter cannot see", () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [path] : [];
    });
  const offenders = files('test').filter((path) => /\{\s*(skip|todo|only)\s*:/.test(readFileSync(path, 'utf8')));
  assert.deepEqual(offenders, []);
});
