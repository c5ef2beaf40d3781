// Runs every test file under test/ with node's test runner (TypeScript through tsx).
// Node 20's --test does not expand globs, so the files are listed here.

import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const only = process.argv.slice(2);
const files = only.length > 0 ? only : testFiles('test').sort();
// Coverage is node's own (V8, mapped back to TypeScript); local stacks the e2e tests spawn inherit
// NODE_V8_COVERAGE, so handlers run behind the local server count too. Only modules some test loaded are listed.
const coverage = ['--enable-source-maps', '--experimental-test-coverage', '--test-reporter=./scripts/test-reporter.mjs', '--test-reporter-destination=stdout'];
const result = spawnSync(process.execPath, ['--import', 'tsx', ...coverage, '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  env: { PMS_LOG_LEVEL: 'SILENT', ...process.env },
});
process.exit(result.status ?? 1);
