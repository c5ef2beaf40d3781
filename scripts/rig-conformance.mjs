// Turns the output of a run of MOSIP's PMS api-test rig (its per-folder pass/fail/skip table) into the tables of
// docs/mosip-conformance.md: the folders of what is built, their total, and the folders of what is not built yet.
//   node scripts/rig-conformance.mjs RIG_OUTPUT_FILE
import { readFileSync } from 'node:fs';

/** Folders of capabilities not built yet: SBI, devices, FTM chips and OIDC clients (and MOSIP's database checks). */
const NOT_BUILT = /FTM|Ftm|Ftp|SBI|Sbi|Device|device|OIDC|Oidc|Oauth|SecureBiometric|DbValidator/;

const [file] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/rig-conformance.mjs RIG_OUTPUT_FILE');
  process.exit(2);
}
const lines = readFileSync(file, 'utf8').split('\n');
const header = lines.findLastIndex((line) => line.startsWith('folder '));
if (header < 0) {
  console.error(`${file} has no per-folder table`);
  process.exit(2);
}
const rows = lines
  .slice(header + 1)
  .map((line) => /^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)$/.exec(line))
  .filter(Boolean)
  .map(([, folder, pass, fail, skip]) => ({ folder, pass: Number(pass), fail: Number(fail), skip: Number(skip) }));

const table = (title, selected) => {
  const total = selected.reduce((sum, row) => ({ pass: sum.pass + row.pass, fail: sum.fail + row.fail, skip: sum.skip + row.skip }), {
    pass: 0,
    fail: 0,
    skip: 0,
  });
  const rate = (row) => (row.pass + row.fail === 0 ? '–' : `${((100 * row.pass) / (row.pass + row.fail)).toFixed(1)} %`);
  return [
    `### ${title}`,
    '',
    '| folder | pass | fail | skip | passing |',
    '|---|---:|---:|---:|---:|',
    ...selected.map((row) => `| ${row.folder} | ${row.pass} | ${row.fail} | ${row.skip} | ${rate(row)} |`),
    `| **total** | **${total.pass}** | **${total.fail}** | **${total.skip}** | **${rate(total)}** |`,
    '',
  ].join('\n');
};

console.log(
  table(
    'Built areas',
    rows.filter((row) => !NOT_BUILT.test(row.folder)),
  ),
);
console.log(
  table(
    'Not built yet (SBI, devices, FTM chips, OIDC clients)',
    rows.filter((row) => NOT_BUILT.test(row.folder)),
  ),
);
