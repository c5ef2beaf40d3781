import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** `import … from './x.js'`, `export … from './x.js'` and the bare `import './x.js'`; relative specifiers only. */
const STATIC_IMPORT = /(?:^|\n)\s*(?:(?:import|export)\b[^'"]*?\bfrom\s+['"](\.[^'"]+)['"]|import\s+['"](\.[^'"]+)['"])/g;

/** Every relative import (type-only ones too: they still tie the modules' meanings together) of each .ts file. */
export function importGraph(root: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(STATIC_IMPORT)].map((match) => match[1] ?? match[2]!);
    const targets = specifiers.map((specifier) => resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
    graph.set(file, targets);
  }
  return graph;
}

/** The strongly connected components with more than one module (or a module importing itself): Tarjan's algorithm. */
export function importCycles(graph: Map<string, string[]>, root: string): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(relative(root, member));
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.includes(node)) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [resolve(path)] : [];
  });
}
