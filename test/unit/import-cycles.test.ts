import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { importCycles, importGraph } from '../support/import-graph.js';

test('no import circle in functions/, lib/ or local/ (type-only imports count)', () => {
  for (const root of ['functions', 'lib', 'local']) {
    const graph = importGraph(root);
    assert.ok(graph.size > 10, `${root} was read`);
    assert.deepEqual(importCycles(graph, root), [], `import circles in ${root}/`);
  }
});

test('the check finds a circle through a type-only import and a re-export, and ignores a chain', () => {
  const root = mkdtempSync(join(tmpdir(), 'import-graph-'));
  try {
    mkdirSync(join(root, 'b'));
    writeFileSync(join(root, 'a.ts'), "import type { B } from './b/b.js';\nexport type A = B;\n");
    writeFileSync(join(root, 'b', 'b.ts'), "export { c } from '../c.js';\nexport type B = string;\n");
    writeFileSync(join(root, 'c.ts'), "import {\n  type A,\n} from './a.js';\nexport const c: A | undefined = undefined;\n");
    writeFileSync(join(root, 'd.ts'), "import './c.js';\n");
    assert.deepEqual(importCycles(importGraph(root), root), [['a.ts', 'b/b.ts', 'c.ts']]);
    writeFileSync(join(root, 'c.ts'), 'export const c = 1;\n');
    assert.deepEqual(importCycles(importGraph(root), root), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
