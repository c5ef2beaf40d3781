import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, buildSync } from 'esbuild';
import { importSpecifierOf, type LayerPackage, RUNTIME_LAYER_PACKAGES } from './packages.js';

/** Where the layer's packages are bundled from: the project's own node_modules, so no network at build time. */
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The directory, beside the packages in `nodejs/node_modules`, of the code they share (one file per set of packages using it). */
export const LAYER_CHUNKS_DIRECTORY = '.runtime-layer-chunks';

/**
 * Writes the runtime layer into outputDir as Lambda expects it: `nodejs/node_modules/<package>/`, which Lambda
 * mounts at /opt/nodejs/node_modules, where Node 18+ runtimes resolve ES module imports from layers.
 * `esbuildOptions` carries the settings shared with the function bundles (format, target, minify, banner).
 *
 * All packages are bundled in one esbuild run with code splitting, so what they share (the SDK's @smithy/* core,
 * @aws-sdk/core, the credential providers) is one copy in a shared chunk, loaded once by a function that imports
 * several of them: the KMS client beside the DynamoDB clients adds only its own commands (docs/bench.md). A package
 * loads only the chunks it reaches, so the DynamoDB clients load no KMS code. The SDK's dynamic imports (credential
 * providers) stay separate chunks that load only when used.
 */
export function writeRuntimeLayer(outputDir: string, esbuildOptions: BuildOptions): void {
  const nodeModules = join(outputDir, 'nodejs', 'node_modules');
  rmSync(nodeModules, { recursive: true, force: true });
  buildSync({
    ...esbuildOptions,
    absWorkingDir: PROJECT_ROOT,
    entryPoints: Object.fromEntries(
      RUNTIME_LAYER_PACKAGES.flatMap((pkg) =>
        pkg.importPaths.map((importPath) => [`${pkg.name}/${outputNameOf(importPath)}`, importSpecifierOf(pkg, importPath)]),
      ),
    ),
    outdir: nodeModules,
    splitting: true,
    chunkNames: `${LAYER_CHUNKS_DIRECTORY}/[name]-[hash]`,
    logLevel: 'warning',
  });
  for (const pkg of RUNTIME_LAYER_PACKAGES) {
    mkdirSync(join(nodeModules, pkg.name), { recursive: true });
    writeFileSync(join(nodeModules, pkg.name, 'package.json'), `${JSON.stringify(manifestOf(pkg), null, 2)}\n`);
  }
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
