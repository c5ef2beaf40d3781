// node:test's TAP reporter, with the coverage report cut down to the code we ship: one row per folder of
// functions/ and the total, instead of a row per file for every module the tests loaded.
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { tap } from 'node:test/reporters';
import ts from 'typescript';

export default async function* tapWithFunctionsCoverage(source) {
  yield* tap(withoutFileCoverage(source));
}

/** The run's closing counts arrive before its coverage; they are held back so that they stay the last lines. */
const CLOSING_COUNT = /^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) /;

async function* withoutFileCoverage(source) {
  const closing = [];
  for await (const event of source) {
    if (event.type === 'test:diagnostic' && event.data.nesting === 0 && CLOSING_COUNT.test(event.data.message)) closing.push(event);
    else if (event.type !== 'test:coverage') yield event;
    else for (const line of coverageSummary(event.data.summary)) yield { type: 'test:diagnostic', data: { nesting: 0, message: line } };
  }
  yield* closing;
}

function coverageSummary(summary) {
  const areas = new Map();
  for (const file of summary.files) {
    const path = relative(summary.workingDirectory, file.path).split(sep);
    if (path[0] !== 'functions') continue;
    const area = path.length > 2 ? `${path[0]}/${path[1]}/${path.length > 3 && path[1] === 'domain' ? `${path[2]}/` : ''}` : `${path[0]}/`;
    const lines = executableLines(file);
    for (const key of [area, 'functions (all)']) {
      const sum = areas.get(key) ?? { lines: [0, 0], branches: [0, 0], functions: [0, 0] };
      sum.lines[0] += lines.filter((line) => line.count > 0).length;
      sum.lines[1] += lines.length;
      sum.branches[0] += file.coveredBranchCount;
      sum.branches[1] += file.totalBranchCount;
      sum.functions[0] += file.coveredFunctionCount;
      sum.functions[1] += file.totalFunctionCount;
      areas.set(key, sum);
    }
  }
  const percent = ([covered, total]) => (total === 0 ? '100.0' : ((100 * covered) / total).toFixed(1)).padStart(6);
  const rows = [...areas.entries()].sort(([a], [b]) => (a === 'functions (all)') - (b === 'functions (all)') || a.localeCompare(b));
  return [
    'coverage of functions/ (lines %, branches %, functions %)',
    ...rows.map(([area, sum]) => `${area.padEnd(40)} ${percent(sum.lines)} ${percent(sum.branches)} ${percent(sum.functions)}`),
  ];
}

/**
 * Node 20 maps V8's ranges back to TypeScript through source maps and counts every line without a mapping as not
 * run: imports, interfaces, type aliases, overload signatures, comments and blank lines. Those lines hold no code; they are left out.
 */
function executableLines(file) {
  const text = readFileSync(file.path, 'utf8');
  const source = ts.createSourceFile(file.path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const noCode = new Set();
  const lineOf = (position) => source.getLineAndCharacterOfPosition(position).line + 1;
  for (const statement of source.statements) {
    const typeOnly =
      ts.isImportDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      (ts.isFunctionDeclaration(statement) && !statement.body) ||
      (ts.isExportDeclaration(statement) && statement.isTypeOnly);
    if (!typeOnly) continue;
    for (let line = lineOf(statement.getStart(source)); line <= lineOf(statement.end); line++) noCode.add(line);
  }
  text.split('\n').forEach((content, index) => {
    if (/^\s*(\/\/.*|\/?\*.*|)$/.test(content)) noCode.add(index + 1);
  });
  return file.lines.filter((line) => !noCode.has(line.line));
}
