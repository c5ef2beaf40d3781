import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, buildSync } from 'esbuild';
import { importSpecifierOf, type LayerPackage, RUNTIME_LAYER_PACKAGES } from './packages.js';

/** Where the layer's packages are bundled from: the project's own node_modules, so no network at build time. */
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Writes the runtime layer into outputDir as Lambda expects it: `nodejs/node_modules/<package>/`, which Lambda
 * mounts at /opt/nodejs/node_modules, where Node 18+ runtimes resolve ES module imports from layers.
 * `esbuildOptions` carries the settings shared with the function bundles (format, target, minify, banner).
 */
export function writeRuntimeLayer(outputDir: string, esbuildOptions: BuildOptions): void {
  const nodeModules = join(outputDir, 'nodejs', 'node_modules');
  rmSync(nodeModules, { recursive: true, force: true });
  for (const pkg of RUNTIME_LAYER_PACKAGES) writeLayerPackage(join(nodeModules, pkg.name), pkg, esbuildOptions);
}

function writeLayerPackage(packageDir: string, pkg: LayerPackage, esbuildOptions: BuildOptions): void {
  mkdirSync(packageDir, { recursive: true });
  buildSync({
    ...esbuildOptions,
    absWorkingDir: PROJECT_ROOT,
    entryPoints: Object.fromEntries(pkg.importPaths.map((importPath) => [outputNameOf(importPath), importSpecifierOf(pkg, importPath)])),
    outdir: packageDir,
    // Subpaths of one package share code (as zod and zod/mini would share zod/v4/core), and the SDK's dynamic
    // imports (credential providers) stay separate files that load only when used.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // lib-dynamodb must use the layer's client-dynamodb, not carry a second copy of it.
    external: RUNTIME_LAYER_PACKAGES.filter((other) => other !== pkg).map((other) => other.name),
    logLevel: 'warning',
  });
  writeFileSync(join(packageDir, 'package.json'), `${JSON.stringify(manifestOf(pkg), null, 2)}\n`);
}

function manifestOf(pkg: LayerPackage): object {
  const installed = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', pkg.name, 'package.json'), 'utf8')) as { version: string };
  return {
    name: pkg.name,
    version: installed.version,
    description: `${pkg.name} ${installed.version}, bundled as ES modules for the PMS runtime layer`,
    type: 'module',
    exports: Object.fromEntries(pkg.importPaths.map((importPath) => [importPath, `./${outputNameOf(importPath)}.js`])),
  };
}

/** `.` → `index`, `./mini` → `mini`. */
function outputNameOf(importPath: string): string {
  return importPath === '.' ? 'index' : importPath.slice(2);
}
