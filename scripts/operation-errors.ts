/*
 * Generates functions/openapi/operation-errors.json: for every route of the route table, the MOSIP error codes its
 * operation may answer, which the OpenAPI documents list per operation (`x-mosip-errors`). Nothing here is kept by
 * hand, so the list follows the code:
 *
 * - the operation's own codes: the error definitions (`X_ERRORS.NAME` of functions/errors/) named by the top-level
 *   declarations the route's Lambda entry reaches, declaration by declaration: from the entry's module, every
 *   function, class or constant a reached declaration names, in its own module or through a runtime import (type-only
 *   imports run no code), following only modules under functions/handlers/ and functions/domain/. So a route lists the
 *   codes of the domain functions it calls (and what they call), not those of their neighbours in the same module.
 *   The wiring in functions/adapters/ would reach every repository, and the request pipeline in functions/http/ serves
 *   every route: their codes come from the rules below (adapters raise no MOSIP codes of their own; they throw the
 *   domain's conflict errors, which the domain maps). A declaration that hands a whole error table on
 *   (`errors: PARTNER_PAGING_ERRORS`) contributes every code of it. Names are matched by text, so a local variable
 *   named like a module's declaration adds that declaration: the list is what the operation may answer, a superset of
 *   what it does;
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
import ts from 'typescript';
import type { ErrorDefinition } from '../functions/errors/pms-error.js';
import { AUTH_ERRORS, REQUEST_ERRORS } from '../functions/errors/request-errors.js';
import type { Route } from '../functions/routes/route.js';
import { ROUTES } from '../functions/routes/route-table.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OPERATION_ERRORS_FILE = join(ROOT, 'functions/openapi/operation-errors.json');
const FOLLOWED = ['functions/handlers/', 'functions/domain/'];

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

/** A top-level declaration of a module: what it refers to, by name, and the error definitions it names. */
interface Unit {
  readonly names: readonly string[];
  readonly node: ts.Node;
}

interface ModuleInfo {
  /** Top-level declarations by the names they declare; `<module>` holds the statements that run on load. */
  readonly units: Map<string, Unit>;
  /** Local name → the module and exported name it is imported from (`*` for a namespace import). */
  readonly imports: Map<string, { file: string; name: string }>;
  /** Exported name → where it is re-exported from; `*` entries list `export * from` modules. */
  readonly reexports: Map<string, { file: string; name: string }>;
  readonly starExports: string[];
}

const modules = new Map<string, ModuleInfo>();

function moduleOf(file: string): ModuleInfo {
  const known = modules.get(file);
  if (known) return known;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const info: ModuleInfo = { units: new Map(), imports: new Map(), reexports: new Map(), starExports: [] };
  const target = (specifier: ts.Expression) => resolve(dirname(file), (specifier as ts.StringLiteral).text.replace(/\.js$/, '.ts'));
  const onLoad: ts.Node[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (!clause || clause.isTypeOnly || !(statement.moduleSpecifier as ts.StringLiteral).text.startsWith('.')) continue;
      const from = target(statement.moduleSpecifier);
      if (clause.name) info.imports.set(clause.name.text, { file: from, name: 'default' });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) info.imports.set(bindings.name.text, { file: from, name: '*' });
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          if (!element.isTypeOnly) info.imports.set(element.name.text, { file: from, name: (element.propertyName ?? element.name).text });
        }
      }
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly || !statement.moduleSpecifier || !(statement.moduleSpecifier as ts.StringLiteral).text.startsWith('.')) continue;
      const from = target(statement.moduleSpecifier);
      const clause = statement.exportClause;
      if (!clause) info.starExports.push(from);
      else if (ts.isNamedExports(clause)) {
        for (const element of clause.elements)
          if (!element.isTypeOnly) info.reexports.set(element.name.text, { file: from, name: (element.propertyName ?? element.name).text });
      }
    } else if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) {
      if (statement.name) info.units.set(statement.name.text, { names: [statement.name.text], node: statement });
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const names = boundNames(declaration.name);
        for (const name of names) info.units.set(name, { names, node: declaration });
      }
    } else if (!ts.isInterfaceDeclaration(statement) && !ts.isTypeAliasDeclaration(statement)) {
      onLoad.push(statement);
    }
  }
  info.units.set('<module>', { names: [], node: { forEachChild: (visit: (node: ts.Node) => void) => onLoad.forEach(visit) } as ts.Node });
  modules.set(file, info);
  return info;
}

function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : boundNames(element.name)));
}

/** The declaration `name` exported by `file` names, following re-exports; undefined outside the followed folders. */
function exported(file: string, name: string): { file: string; name: string }[] {
  if (!followed(file)) return [];
  const info = moduleOf(file);
  if (name === '*') return [...info.units.keys()].map((unit) => ({ file, name: unit }));
  if (info.units.has(name))
    return [
      { file, name },
      { file, name: '<module>' },
    ];
  const reexport = info.reexports.get(name);
  if (reexport) return exported(reexport.file, reexport.name);
  return info.starExports.flatMap((from) => exported(from, name));
}

/** What one declaration refers to: other declarations (followed folders only) and error definitions. */
function referencesOf(file: string, unitName: string, tables: ErrorTables): { units: { file: string; name: string }[]; errors: ErrorDefinition[] } {
  const info = moduleOf(file);
  const unit = info.units.get(unitName);
  const units: { file: string; name: string }[] = [];
  const errors: ErrorDefinition[] = [];
  if (!unit) return { units, errors };
  const tableOf = (local: string) => {
    const imported = info.imports.get(local);
    return imported && relative(ROOT, imported.file).startsWith('functions/errors/') ? tables.get(imported.name) : undefined;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && tableOf(node.expression.text)) {
      const definition = tableOf(node.expression.text)![node.name.text];
      if (definition) errors.push(definition);
      return;
    }
    // A member name (`x.name`, `{ name: … }`) is no reference to a declaration of that name.
    if (ts.isPropertyAccessExpression(node)) {
      visit(node.expression);
      return;
    }
    if (ts.isPropertyAssignment(node)) {
      visit(node.initializer);
      return;
    }
    if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer && ts.isIdentifier(node.initializer)) {
      const table = tableOf(node.initializer.text);
      if (table) {
        for (const element of node.name.elements) {
          const definition = table[(element.propertyName ?? element.name).getText()];
          if (definition) errors.push(definition);
        }
        return;
      }
    }
    if (ts.isIdentifier(node)) {
      const table = tableOf(node.text);
      if (table) errors.push(...Object.values(table));
      else if (info.units.has(node.text) && !unit.names.includes(node.text)) units.push({ file, name: node.text });
      else if (info.imports.has(node.text)) units.push(...exported(info.imports.get(node.text)!.file, info.imports.get(node.text)!.name));
      return;
    }
    ts.forEachChild(node, visit);
  };
  // A declaration's own name is not a reference to itself; its body and initializer are what it uses.
  if (ts.isVariableDeclaration(unit.node)) {
    if (unit.node.initializer) visit(unit.node.initializer);
  } else if (unitName === '<module>') {
    unit.node.forEachChild(visit);
  } else {
    ts.forEachChild(unit.node, (child) => (child === (unit.node as ts.FunctionDeclaration).name ? undefined : visit(child)));
  }
  return { units, errors };
}

/** The error definitions of every declaration the entry's module reaches, declaration by declaration. */
function entryErrors(entry: string, tables: ErrorTables): ErrorDefinition[] {
  const start = resolve(ROOT, entry);
  const pending = [...moduleOf(start).units.keys()].map((name) => ({ file: start, name }));
  const seen = new Set<string>();
  const errors: ErrorDefinition[] = [];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const key = `${next.file}#${next.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const found = referencesOf(next.file, next.name, tables);
    errors.push(...found.errors);
    pending.push(...found.units);
  }
  return errors;
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
  const operations: Record<string, string[]> = {};
  const messages = new Map<string, Set<string>>();
  for (const route of [...routes].sort((a, b) => compare(a.operationId, b.operationId))) {
    const own = entryErrors(route.entry, tables);
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
