// Turns the output of runs of MOSIP's PMS api-test rig (their per-folder pass/fail/skip tables) into the tables of
// docs/mosip-conformance.md: the folders of what is built with their total, then the folders of what is not built
// yet, one column group per run.
//   node scripts/rig-conformance.mjs LABEL=RIG_OUTPUT_FILE [LABEL=RIG_OUTPUT_FILE ...]
import { readFileSync } from 'node:fs';

/** Folders of what is not built: MOSIP's database checks (the rig's db category, which never runs here). */
const NOT_BUILT = /DbValidator/;

const runs = process.argv.slice(2).map((argument) => {
  const [label, file] = argument.includes('=') ? argument.split(/=(.*)/s) : [argument, argument];
  return { label, folders: foldersOf(file) };
});
if (runs.length === 0) {
  console.error('usage: node scripts/rig-conformance.mjs LABEL=RIG_OUTPUT_FILE [LABEL=RIG_OUTPUT_FILE ...]');
  process.exit(2);
}

function foldersOf(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const header = lines.findLastIndex((line) => line.startsWith('folder '));
  if (header < 0) throw new Error(`${file} has no per-folder table`);
  return new Map(
    lines
      .slice(header + 1)
      .map((line) => /^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)$/.exec(line))
      .filter(Boolean)
      .map(([, folder, pass, fail, skip]) => [folder, { pass: Number(pass), fail: Number(fail), skip: Number(skip) }]),
  );
}

const NONE = { pass: 0, fail: 0, skip: 0 };
const rate = (count) => (count.pass + count.fail === 0 ? '–' : `${((100 * count.pass) / (count.pass + count.fail)).toFixed(1)} %`);
const cells = (count, bold = '') => [count.pass, count.fail, count.skip, rate(count)].map((value) => `${bold}${value}${bold}`).join(' | ');

function table(title, folders) {
  const totals = runs.map((run) =>
    folders.reduce((sum, folder) => {
      const count = run.folders.get(folder) ?? NONE;
      return { pass: sum.pass + count.pass, fail: sum.fail + count.fail, skip: sum.skip + count.skip };
    }, NONE),
  );
  return [
    `### ${title}`,
    '',
    `| folder | ${runs.map(({ label }) => `${label}: pass | fail | skip | passing`).join(' | ')} |`,
    `|---|${runs.map(() => '---:|---:|---:|---:').join('|')}|`,
    ...folders.map((folder) => `| ${folder} | ${runs.map((run) => cells(run.folders.get(folder) ?? NONE)).join(' | ')} |`),
    `| **total** | ${totals.map((total) => cells(total, '**')).join(' | ')} |`,
    '',
  ].join('\n');
}

const folders = [...new Set(runs.flatMap((run) => [...run.folders.keys()]))];
console.log(
  table(
    'Built areas',
    folders.filter((folder) => !NOT_BUILT.test(folder)),
  ),
);
console.log(
  table(
    'Not run here (MOSIP database checks)',
    folders.filter((folder) => NOT_BUILT.test(folder)),
  ),
);
