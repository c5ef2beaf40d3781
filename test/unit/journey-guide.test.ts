/**
 * docs/journey.md and `npm run demo` show the same journey. The guide is written by hand rather than generated from
 * the steps, because most of it is what a reader needs around the calls (why a step is there, openssl, jq, abridged
 * answers); the demo runs scripts/demo/journey-steps.ts; this test holds the two together. For every step, the guide
 * must have a curl command with the step's method, path and token, whose heredoc body is an envelope with the step's
 * `id` and exactly the step's `request` member, followed by its answer (a JSON block) with the fields the demo prints
 * and keeps; the steps appear in the demo's order; and the guide mints each token for the demo's user and roles.
 * The guide may show more calls than the steps (switching a key off, say).
 *
 * The steps' paths and requests are functions of the journey's values; given `$NAME` for each value, they give what
 * the guide's commands hold before the shell expands them (`"partnerId": "first-bank-$RUN"`), so the comparison is
 * exact, constants and variables alike.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ACTORS, type Actor, JOURNEY_STEPS, type JourneyStep, type JourneyValues } from '../../scripts/demo/journey-steps.js';

const GUIDE = 'docs/journey.md';
const REQUEST_TIME = '$(date -u +%Y-%m-%dT%H:%M:%S.000Z)';

/** Every value as the guide's shell variable. */
const SHELL_VALUES = new Proxy({} as JourneyValues, { get: (_, name) => `$${String(name)}` });

interface Block {
  lang: string;
  text: string;
  /** Where the block starts in the guide (its order). */
  index: number;
}

interface CurlCommand {
  method: string;
  path: string;
  token: string | undefined;
  /** The heredoc, if the command has one. */
  body: string | undefined;
  /** The first fenced block after the command's block: its answer. */
  answer: Block | undefined;
  index: number;
}

function fencedBlocks(markdown: string): Block[] {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((match) => ({ lang: match[1]!, text: match[2]!, index: match.index }));
}

/** The curl commands of the shell blocks: continuation lines joined, each command with the heredoc that follows it. */
function curlCommands(markdown: string): CurlCommand[] {
  const blocks = fencedBlocks(markdown);
  return blocks.flatMap((block, position) => {
    if (block.lang !== 'sh') return [];
    const lines = block.text.replace(/\\\n\s*/g, ' ').split('\n');
    const commands: CurlCommand[] = [];
    for (let line = 0; line < lines.length; line += 1) {
      const command = lines[line]!;
      if (!/^curl\s/.test(command)) continue;
      let body: string | undefined;
      if (command.includes('<<EOF')) {
        const end = lines.indexOf('EOF', line + 1);
        assert.ok(end > line, `${GUIDE}: the heredoc of "${command.slice(0, 80)}" has no EOF line`);
        body = lines.slice(line + 1, end).join('\n');
        line = end;
      }
      commands.push({
        method: /\s-X\s+(\w+)/.exec(command)?.[1] ?? (body === undefined ? 'GET' : 'POST'),
        path: /"\$PMS_URL([^"]*)"/.exec(command)?.[1] ?? '',
        token: /Bearer \$(\w+)/.exec(command)?.[1],
        body,
        answer: blocks[position + 1],
        index: block.index + line,
      });
    }
    return commands;
  });
}

/** The heredoc as JSON: the shell variables stay as they are written, the request time becomes a fixed one. */
function envelopeOf(body: string): Record<string, unknown> {
  return JSON.parse(body.split(REQUEST_TIME).join('2026-01-01T00:00:00.000Z')) as Record<string, unknown>;
}

/** Why a command is not the step's, or undefined when it is. */
function mismatch(step: JourneyStep, command: CurlCommand): string | undefined {
  if (command.method !== step.method || command.path !== step.path(SHELL_VALUES) || command.token !== step.as) return 'another call';
  if (!step.request) return command.body === undefined ? undefined : 'a body the step does not send';
  if (command.body === undefined) return 'no body';
  const envelope = envelopeOf(command.body);
  try {
    assert.deepEqual(
      { id: envelope.id, version: envelope.version, requesttime: envelope.requesttime, request: envelope.request },
      { id: step.requestId, version: '1.0', requesttime: '2026-01-01T00:00:00.000Z', request: step.request(SHELL_VALUES) },
    );
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

/** What keeps the guide from showing the demo's journey; empty when it shows it. */
function guideProblems(markdown: string): string[] {
  const commands = curlCommands(markdown);
  const problems: string[] = [];
  let previous = -1;
  for (const step of JOURNEY_STEPS) {
    const call = `curl -X ${step.method} "$PMS_URL${step.path(SHELL_VALUES)}" with Bearer $${step.as}`;
    const candidates = commands.filter((command) => command.method === step.method && command.path === step.path(SHELL_VALUES));
    const matched = candidates.find((command) => mismatch(step, command) === undefined);
    if (!matched) {
      problems.push(`${step.name}: no ${call} and its request${candidates.map((command) => `; one differs: ${mismatch(step, command)}`).join('')}`);
      continue;
    }
    if (matched.index < previous) problems.push(`${step.name}: shown before the step before it`);
    previous = Math.max(previous, matched.index);
    problems.push(...answerProblems(step, matched.answer));
  }
  for (const [actor, { user, roles }] of Object.entries(ACTORS) as [Actor, (typeof ACTORS)[Actor]][]) {
    const command = `${actor}=$(npm run -s token -- --user ${user(SHELL_VALUES)} --roles ${roles.join(',')})`;
    if (!markdown.includes(command)) problems.push(`${actor}: the guide does not mint it as the demo does: ${command}`);
  }
  return problems;
}

function answerProblems(step: JourneyStep, block: Block | undefined): string[] {
  if (block?.lang !== 'json') return [`${step.name}: the command is not followed by its answer, a json block`];
  let answer: { response: Record<string, unknown> | string | null; errors: { errorCode: string }[] };
  try {
    answer = JSON.parse(block.text);
  } catch (error) {
    return [`${step.name}: the answer is not JSON: ${(error as Error).message}`];
  }
  if (step.refusedWith) return answer.errors[0]?.errorCode === step.refusedWith ? [] : [`${step.name}: the answer is not the refusal ${step.refusedWith}`];
  if (answer.errors.length > 0) return [`${step.name}: the answer is a refusal`];
  const fields = [...new Set([...step.show, ...Object.values(step.keep ?? {})])];
  return fields
    .filter((field) => typeof answer.response !== 'object' || answer.response?.[field] === undefined)
    .map((field) => `${step.name}: the answer has no ${field}`);
}

test("the guide shows each of the demo's steps, in order, with the same call, token, request and answer fields; and its tokens", () => {
  assert.deepEqual(guideProblems(readFileSync(GUIDE, 'utf8')), []);
});

test('the check finds a changed request, path, token, order, answer or token minting', () => {
  const guide = readFileSync(GUIDE, 'utf8');
  const changed = (from: string, to: string) => {
    assert.ok(guide.includes(from), `the guide has ${from}`);
    return guideProblems(guide.replace(from, to)).map((problem) => problem.replace(/;.*/s, ''));
  };
  const mapCall = 'curl -X POST "$PMS_URL/v1/partnermanager/partners/first-bank-$RUN/policy/map" with Bearer $BANK_TOKEN and its request';
  assert.deepEqual(changed('"useCaseDescription":', '"useCase":'), [`request-policy: no ${mapCall}`]);
  assert.deepEqual(changed('first-bank-$RUN/policy/map"', 'first-bank-$RUN/policy/mapping"'), [`request-policy: no ${mapCall}`]);
  assert.deepEqual(
    changed(
      'curl -sS -X POST "$PMS_URL/v1/partnermanager/partners/first-bank-$RUN/policy/map"',
      'curl -sS -X PUT "$PMS_URL/v1/partnermanager/partners/first-bank-$RUN/policy/map"',
    ),
    [`request-policy: no ${mapCall}`],
  );
  assert.deepEqual(changed('"policyName": "eKYC $RUN", "useCase', '"policyName": "eKYC", "useCase'), [`request-policy: no ${mapCall}`]);
  assert.deepEqual(
    changed(
      '"$PMS_URL/v1/partnermanager/partners/first-bank-$RUN/policy/map" \\\n  -H "Authorization: Bearer $BANK_TOKEN"',
      '"$PMS_URL/v1/partnermanager/partners/first-bank-$RUN/policy/map" \\\n  -H "Authorization: Bearer $ADMIN_TOKEN"',
    ),
    [`request-policy: no ${mapCall}`],
  );
  assert.deepEqual(changed('"mappingkey": "3fc971f5', '"mappingKey": "3fc971f5'), ['request-policy: the answer has no mappingkey']);
  assert.deepEqual(changed('--user admin1 --roles PARTNER_ADMIN,POLICYMANAGER)', '--user admin1 --roles PARTNER_ADMIN)'), [
    'ADMIN_TOKEN: the guide does not mint it as the demo does: ADMIN_TOKEN=$(npm run -s token -- --user admin1 --roles PARTNER_ADMIN,POLICYMANAGER)',
  ]);
  const approval = guide.slice(guide.indexOf('## 10.'), guide.indexOf('## 11.'));
  const swapped = guide.replace(approval, '').replace('## 9.', `${approval}## 9.`);
  assert.deepEqual(guideProblems(swapped), ['approve-policy-request: shown before the step before it']);
});
