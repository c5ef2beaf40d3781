/**
 * Every path a document or a code comment names must exist in the repository, so the repository explains itself
 * (issue #20). The rules, kept simple on purpose:
 *
 * - Sources read: every tracked markdown file, and the comments (found by the TypeScript parser, not by regex) of
 *   every tracked TypeScript and JavaScript file (.ts, .mjs, .js) under functions/, lib/, local/, scripts/, test/,
 *   layers/ and bin/. Fenced code blocks in markdown are examples of commands and code and are not read.
 * - Markdown links `[text](target)` and images: the target, without `#fragment`, is a path reference. Links with a
 *   scheme (`https:`, `mailto:`) and pure `#fragment` links are not paths.
 * - Everything else (prose, backticked spans, comments) is split into tokens of path characters. A token is a path
 *   reference when it starts with `../`, or with `./` and ends in an extension or `/`, or with one of the
 *   repository's top directories (`docs/`, `functions/`, `lib/`, `local/`, `scripts/`, `test/`, `layers/`, `bin/`,
 *   `.ci/`), or names a markdown file (`*.md`), or contains a `/` and ends in a file extension of ours (`.ts`,
 *   `.json`, `.png`, ...). A token right after a quote is code quoted in a comment (`'./x.js'`), not a reference.
 * - A reference resolves if it exists relative to the repository root or to the file, or, for a path without a top
 *   directory, if it is the tail of a tracked path (docs speak of `x509/pkcs7.ts` inside the directory they
 *   describe). A reference that climbs above the root (a sibling checkout, say) never resolves.
 * - Not paths, so skipped: URLs, absolute paths (`/opt/nodejs`, API routes), anything holding a placeholder or glob
 *   character (`<data dir>/events.jsonl`, `*.test.ts`, `${dir}`), and the prefixes of NOT_REPOSITORY_PATHS:
 *   runtime data and build output that exist only after a run.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..', '..');
const TOP_DIRECTORIES = ['docs/', 'functions/', 'lib/', 'local/', 'scripts/', 'test/', 'layers/', 'bin/', '.ci/'];
const CODE_DIRECTORIES = ['functions/', 'lib/', 'local/', 'scripts/', 'test/', 'layers/', 'bin/'];
const EXTENSIONS = /\.(?:ts|mts|mjs|cjs|js|json|md|ya?ml|png|jpe?g|svg|sh|html|css|txt)$/;
/** Runtime data and build output: named by the docs, present only after a run or a synth. */
const NOT_REPOSITORY_PATHS = ['.pms/', 'cdk.out/', 'node_modules/', 'coverage/'];

export interface Reference {
  file: string;
  line: number;
  path: string;
  /** Markdown link targets may also resolve relative to the file. */
  link: boolean;
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function tokenReferences(file: string, text: string, offset: number, source: string): Reference[] {
  const withoutUrls = text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s)`'"]*/gi, (url) => ' '.repeat(url.length));
  const references: Reference[] = [];
  for (const match of withoutUrls.matchAll(/[\w.@<>*{}$~/-]+/g)) {
    const token = match[0].replace(/[.,;:]+$/, '');
    if (/['"]/.test(withoutUrls[match.index - 1] ?? '') || !looksLikePath(token)) continue;
    references.push({ file, line: lineAt(source, offset + match.index), path: token, link: false });
  }
  return references;
}

function looksLikePath(token: string): boolean {
  if (token.startsWith('../')) return true;
  if (token.startsWith('./')) return EXTENSIONS.test(token) || token.endsWith('/');
  if (TOP_DIRECTORIES.some((top) => token.startsWith(top))) return true;
  if (/^[\w.-]+\.md$/.test(token) || (token.includes('/') && token.endsWith('.md'))) return true;
  return token.includes('/') && EXTENSIONS.test(token);
}

/** References in one markdown file: link targets, then path-like tokens of the text outside fenced code blocks. */
export function markdownReferences(file: string, source: string): Reference[] {
  const prose = source.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ' '));
  const references: Reference[] = [];
  const rest = prose.replace(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (whole, target: string, index: number) => {
    const path = target.split('#')[0] ?? '';
    if (path !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(path)) {
      references.push({ file, line: lineAt(source, index), path, link: true });
    }
    return ' '.repeat(whole.length);
  });
  return [...references, ...tokenReferences(file, rest, 0, source)];
}

/** References in the comments of one source file. */
export function commentReferences(file: string, source: string): Reference[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const ranges = new Map<number, ts.CommentRange>();
  // Every comment is trivia around a token, and every token starts where some node starts or another ends.
  const visit = (node: ts.Node): void => {
    for (const position of [node.pos, node.end]) {
      const around = [...(ts.getLeadingCommentRanges(source, position) ?? []), ...(ts.getTrailingCommentRanges(source, position) ?? [])];
      for (const range of around) ranges.set(range.pos, range);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return [...ranges.values()].sort((a, b) => a.pos - b.pos).flatMap((range) => tokenReferences(file, source.slice(range.pos, range.end), range.pos, source));
}

/** Why a reference does not resolve, or undefined when it does. `tracked` are the repository's paths. */
export function danglingReason(reference: Reference, root: string, tracked: readonly string[]): string | undefined {
  const { path } = reference;
  if (isAbsolute(path) || /[<>*{}$~]/.test(path)) return undefined;
  if (NOT_REPOSITORY_PATHS.some((prefix) => path.startsWith(prefix) || path.startsWith(`./${prefix}`))) return undefined;
  const candidates = [normalize(path), join(dirname(reference.file), path)];
  const inside = candidates.filter((candidate) => !candidate.startsWith('..') && !isAbsolute(candidate));
  if (inside.some((candidate) => existsSync(join(root, candidate)))) return undefined;
  const bare = path.replace(/\/$/, '');
  const topLevel = TOP_DIRECTORIES.some((top) => path.startsWith(top)) || path.startsWith('.');
  if (!topLevel && bare.includes('/')) {
    if (tracked.some((file) => file.endsWith(`/${bare}`) || file.includes(`/${bare}/`))) return undefined;
  }
  return normalize(path).startsWith('..') ? 'leaves the repository' : 'does not exist';
}

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
}

test('no markdown file or code comment names a path the repository does not have', () => {
  const tracked = trackedFiles();
  const markdown = tracked.filter((file) => file.endsWith('.md'));
  const code = tracked.filter((file) => CODE_DIRECTORIES.some((dir) => file.startsWith(dir)) && /\.(?:ts|mjs|js)$/.test(file));
  assert.ok(markdown.length > 5 && code.length > 100, 'the files were found');
  const references = [
    ...markdown.flatMap((file) => markdownReferences(file, readFileSync(join(ROOT, file), 'utf8'))),
    ...code.flatMap((file) => commentReferences(file, readFileSync(join(ROOT, file), 'utf8'))),
  ];
  assert.ok(references.length > 50, 'references were found');
  const dangling = references.flatMap((reference) => {
    const reason = danglingReason(reference, ROOT, tracked);
    return reason === undefined ? [] : [`${reference.file}:${reference.line}: ${reference.path} ${reason}`];
  });
  assert.deepEqual(dangling, []);
});

test('the check catches a dangling reference and passes the ones that are not repository paths', () => {
  const tracked = trackedFiles();
  const doc = [
    'See [the bench](bench.md), [local](local.md#signing-in) and [gone](missing.md), `DESIGN.md` and `docs/nowhere.md`.',
    'The facts are in ../sibling-checkout/notes.md and `reference/anchors.md`; the code in `x509/pkcs7.ts`.',
    'Not paths: `<data dir>/events.jsonl`, `.pms/dynamodb`, `cdk.out/manifest.json`, `aws-cdk-lib/aws-sqs`,',
    '`test/**/*.test.ts`, https://example.org/docs/x.md and /opt/nodejs/node_modules.',
    '```sh',
    'cat docs/in-a-code-block.md',
    '```',
  ].join('\n');
  const dangling = (references: Reference[]) =>
    references.flatMap((reference) => {
      const reason = danglingReason(reference, ROOT, tracked);
      return reason === undefined ? [] : [`${reference.line}: ${reference.path} ${reason}`];
    });
  assert.deepEqual(dangling(markdownReferences('docs/example.md', doc)), [
    '1: missing.md does not exist',
    '1: DESIGN.md does not exist',
    '1: docs/nowhere.md does not exist',
    '2: ../sibling-checkout/notes.md leaves the repository',
    '2: reference/anchors.md does not exist',
  ]);
  const code = [
    "import { x } from './not-a-comment.js';",
    '/** Budgets in DESIGN.md; see docs/bench.md and lib/nowhere.ts. */',
    "const url = 'https://example.org/a/b.ts'; // and ../sibling-checkout/security.md",
    "// Not references: `zod` + `./mini`, the specifier in import './quoted.js', docs/bench.md's budgets.",
  ].join('\n');
  assert.deepEqual(dangling(commentReferences('scripts/example.ts', code)), [
    '2: DESIGN.md does not exist',
    '2: lib/nowhere.ts does not exist',
    '3: ../sibling-checkout/security.md leaves the repository',
  ]);
});
