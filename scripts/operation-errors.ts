/*
 * Generates functions/openapi/operation-errors.json: for every route of the route table, the MOSIP error codes its
 * operation may answer, which the OpenAPI documents list per operation (`x-mosip-errors`). Nothing here is kept by
 * hand, so the list follows the code:
 *
 * - the operation's own codes: every error definition (`X_ERRORS.NAME` in functions/errors/) referenced by a module
 *   the route's Lambda entry reaches through its imports, following only modules under functions/handlers/ and
 *   functions/domain/ (the wiring in functions/adapters/ reaches every repository, and the request pipeline in
 *   functions/http/ serves every route: its codes come from the rules below). Type-only imports are not followed:
 *   they run no code. A module that hands a whole error table on (`errors: PARTNER_PAGING_ERRORS`) contributes every
 *   code of that table. The granularity is the module: a route lists the codes of every function of the domain
 *   modules it imports, so the list is what the operation may answer, a superset of what it does answer;
 * - the request pipeline's, from the route row (functions/http/request-parser.ts, error-response.ts): PMS_COR_001 when
 *   anything is validated (a body, a query, a path parameter), MOSIP's envelope checks of V2 bodies and of V1 bodies
 *   that must carry today's `requesttime`, KER-ATH-401/403 unless public (403 only where roles are listed),
 *   PMS_COR_101 for an operation that writes (an edit race lost after its retries), and the row's fallback error
 *   (PMS_COR_003 unless the row names MOSIP's own) for an unexpected failure.
 *
 * `npx tsx scripts/operation-errors.ts` rewrites the file; test/unit/openapi-errors.test.ts fails when it is stale.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ErrorDefinition } from '../functions/errors/pms-error.js';
import { AUTH_ERRORS, REQUEST_ERRORS } from '../functions/errors/request-errors.js';
import type { Route } from '../functions/routes/route.js';
import { ROUTES } from '../functions/routes/route-table.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OPERATION_ERRORS_FILE = join(ROOT, 'functions/openapi/operation-errors.json');
const FOLLOWED = ['functions/handlers/', 'functions/domain/'];

/** `import … from './x.js'` and `export … from './x.js'`, but not `import type` / `export type`; relative only. */
const RUNTIME_IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)[^'";]*?\bfrom\s+['"](\.[^'"]+)['"]|(?:^|\n)\s*import\s+['"](\.[^'"]+)['"]/g;
const ALIAS = /\b([A-Z][A-Z0-9_]*_ERRORS)\s+as\s+([A-Za-z_$][\w$]*)/g;
const MEMBER = /(?<![\w$.])([A-Za-z_$][\w$]*)\s*\.\s*([A-Z][A-Z0-9_]*)\b/g;
const DESTRUCTURED = /const\s*\{([^}]*)\}\s*=\s*([A-Z][A-Z0-9_]*_ERRORS)\b/g;
const WHOLE_TABLE = /(?<![\w$.])([A-Z][A-Z0-9_]*_ERRORS)\b(?!\s*\.)/g;

type ErrorTables = Map<string, Record<string, ErrorDefinition>>;

/** Every error table of functions/errors/, by its exported name. */
async function errorTables(): Promise<ErrorTables> {
  const tables: ErrorTables = new Map();
  const directory = join(ROOT, 'functions/errors');
  for (const file of readdirSync(directory)
    .filter((name) => name.endsWith('.ts'))
    .sort()) {
    const module = (await import(pathToFileURL(join(directory, file)).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) if (name.endsWith('_ERRORS')) tables.set(name, value as Record<string, ErrorDefinition>);
  }
  return tables;
}

function followed(file: string): boolean {
  const path = relative(ROOT, file);
  return FOLLOWED.some((prefix) => path.startsWith(prefix));
}

/** The modules the entry reaches through runtime imports, staying under functions/handlers/ and functions/domain/. */
function reachable(entry: string): string[] {
  const seen = new Set<string>([resolve(ROOT, entry)]);
  const pending = [...seen];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    for (const match of readFileSync(file, 'utf8').matchAll(RUNTIME_IMPORT)) {
      const target = resolve(dirname(file), (match[1] ?? match[2]!).replace(/\.js$/, '.ts'));
      if (!seen.has(target) && followed(target)) {
        seen.add(target);
        pending.push(target);
      }
    }
  }
  return [...seen];
}

/** The error definitions one module's source refers to. */
function referencedErrors(source: string, tables: ErrorTables): ErrorDefinition[] {
  const withoutImports = source.replace(/(?:^|\n)\s*import\s[^;]*;/g, '\n');
  const names = new Map<string, string>([...tables.keys()].map((name) => [name, name]));
  for (const [, table, alias] of source.matchAll(ALIAS)) if (tables.has(table!)) names.set(alias!, table!);
  const found: ErrorDefinition[] = [];
  const add = (table: string | undefined, member: string) => {
    const definition = table === undefined ? undefined : tables.get(table)?.[member];
    if (definition) found.push(definition);
  };
  for (const [, object, member] of withoutImports.matchAll(MEMBER)) add(names.get(object!), member!);
  for (const [, members, table] of withoutImports.matchAll(DESTRUCTURED)) {
    for (const member of members!.split(',')) add(table, member.split(':')[0]!.trim());
  }
  for (const [, table] of withoutImports.matchAll(WHOLE_TABLE)) found.push(...Object.values(tables.get(table!) ?? {}));
  return found;
}

/** What the request pipeline itself may answer for this route (see the file's comment). */
function pipelineErrors(route: Route): ErrorDefinition[] {
  const validates = route.body !== undefined || route.query !== undefined || route.path.includes('{');
  const envelope =
    route.body === undefined || route.envelope === 'RAW'
      ? []
      : route.envelope === 'V2'
        ? [
            REQUEST_ERRORS.INVALID_REQUEST_ID,
            REQUEST_ERRORS.INVALID_REQUEST_DATETIME,
            REQUEST_ERRORS.REQUEST_DATE_NOT_CURRENT,
            REQUEST_ERRORS.INVALID_REQUEST_VERSION,
            REQUEST_ERRORS.INVALID_REQUEST_BODY,
          ]
        : route.requestTimeMustBeToday
          ? [REQUEST_ERRORS.INVALID_REQUEST_DATETIME, REQUEST_ERRORS.REQUEST_DATE_NOT_CURRENT]
          : [];
  return [
    ...(validates ? [REQUEST_ERRORS.INVALID_REQUEST_PARAMETER] : []),
    ...envelope,
    ...(route.access === 'PUBLIC' ? [] : [AUTH_ERRORS.AUTHENTICATION_FAILED]),
    ...(Array.isArray(route.access) ? [AUTH_ERRORS.FORBIDDEN] : []),
    ...(route.tableAccess === 'read-write' ? [REQUEST_ERRORS.CONCURRENT_UPDATE] : []),
    route.fallbackError ?? REQUEST_ERRORS.INTERNAL_SERVER_ERROR,
  ];
}

/** Each operation's codes, sorted, and the messages each code is sent with (a few codes carry more than one). */
export interface OperationErrors {
  operations: Record<string, string[]>;
  messages: Record<string, string[]>;
}

export async function operationErrors(routes: readonly Route[] = ROUTES): Promise<OperationErrors> {
  const tables = await errorTables();
  const sources = new Map<string, ErrorDefinition[]>();
  const operations: Record<string, string[]> = {};
  const messages = new Map<string, Set<string>>();
  for (const route of [...routes].sort((a, b) => compare(a.operationId, b.operationId))) {
    const own = reachable(route.entry).flatMap((file) => {
      if (!sources.has(file)) sources.set(file, referencedErrors(readFileSync(file, 'utf8'), tables));
      return sources.get(file)!;
    });
    const errors = [...own, ...pipelineErrors(route)];
    for (const error of errors) messages.set(error.code, (messages.get(error.code) ?? new Set()).add(error.message));
    operations[route.operationId] = [...new Set(errors.map((error) => error.code))].sort(compare);
  }
  const sortedMessages = [...messages.keys()].sort(compare).map((code) => [code, [...messages.get(code)!].sort(compare)] as const);
  return { operations, messages: Object.fromEntries(sortedMessages) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(OPERATION_ERRORS_FILE, `${JSON.stringify(await operationErrors(), null, 2)}\n`);
  // Biome's layout (short lists on one line), as `npm test` checks it; the unit test compares the parsed content.
  execFileSync(join(ROOT, 'node_modules/.bin/biome'), ['format', '--write', OPERATION_ERRORS_FILE], { stdio: 'ignore' });
  console.log(`wrote ${relative(ROOT, OPERATION_ERRORS_FILE)}`);
}
