import { fileURLToPath } from 'node:url';
import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions, Format } from 'esbuild';
import { SWAGGER_UI_BUNDLE_DIRECTORY, SWAGGER_UI_DIST_FILES } from '../functions/openapi/swagger-ui-files.js';
import { platformRoutes } from '../functions/routes/platform-routes.js';
import { writeRuntimeLayer } from '../layers/runtime/build.js';
import { RUNTIME_LAYER_PACKAGES } from '../layers/runtime/packages.js';

/** The npm packages the shared runtime layer provides; function bundles leave them out and import them from /opt. */
export const LAYER_PACKAGES: string[] = RUNTIME_LAYER_PACKAGES.map((pkg) => pkg.name);

/** Source directory of the runtime layer (its package list and builder). */
export const RUNTIME_LAYER_DIR: string = fileURLToPath(new URL('../layers/runtime', import.meta.url));

/** ES module bundles load without `require`; CommonJS code bundled into them still calls it. */
const CREATE_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** Settings every bundle we ship shares, function or layer: module-first ESM for Lambda's Node 22. */
const NODE22_ESM_BUNDLING = {
  format: OutputFormat.ESM,
  mainFields: ['module', 'main'],
  minify: true,
  target: 'node22',
  banner: CREATE_REQUIRE_BANNER,
} satisfies BundlingOptions;

/** Files of an npm package that a function reads from disk at run time, shipped beside its bundle (not in it). */
export interface FilesBesideBundle {
  /** The package, installed in the project's node_modules. */
  fromPackage: string;
  files: readonly string[];
  /** The directory beside the bundle (index.mjs) that receives them. */
  directory: string;
}

/**
 * The functions that read files beside their bundle, by entry: Swagger UI's (functions/openapi/swagger-ui-files.ts),
 * whose 1.7 MB of scripts would otherwise be parsed at every cold start.
 */
export function filesBesideBundleOf(entry: string): FilesBesideBundle | undefined {
  const swaggerUi = [platformRoutes.partnerManagerSwaggerUi.entry, platformRoutes.policyManagerSwaggerUi.entry];
  if (swaggerUi.includes(entry)) return { fromPackage: 'swagger-ui-dist', files: SWAGGER_UI_DIST_FILES, directory: SWAGGER_UI_BUNDLE_DIRECTORY };
  return undefined;
}

/** `NodejsFunction` bundling for every PMS function; files beside the bundle are copied in once esbuild is done. */
export function functionBundling(filesBeside?: FilesBesideBundle): BundlingOptions {
  return {
    ...NODE22_ESM_BUNDLING,
    sourceMap: true,
    // Stack traces need names and positions, not the source text. Leaving it out cuts the map that Node reads and
    // parses at every cold start under --enable-source-maps to about a third (about 20 ms less, docs/bench.md).
    sourcesContent: false,
    // Replaces CDK's default ['@aws-sdk/*']: SDK clients not in the layer are bundled with the function, never
    // taken from the Lambda runtime: CDK's default gives slower cold starts (aws/aws-cdk issue 25492: 1227 ms
    // against 929 ms bundled) and an SDK version we do not control.
    externalModules: [...LAYER_PACKAGES],
    ...(filesBeside && { commandHooks: copyingAfterBundling(filesBeside) }),
  };
}

/** Shell commands CDK runs in the bundling environment (local or Docker), where inputDir is the project root. */
function copyingAfterBundling({ fromPackage, files, directory }: FilesBesideBundle): NonNullable<BundlingOptions['commandHooks']> {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir, outputDir) => [
      `mkdir -p "${outputDir}/${directory}"`,
      ...files.map((file) => `cp "${inputDir}/node_modules/${fromPackage}/${file}" "${outputDir}/${directory}/${file}"`),
    ],
  };
}

/** Writes the runtime layer (`nodejs/node_modules/...`) into outputDir, e.g. from a CDK asset's local bundling. */
export function buildRuntimeLayer(outputDir: string): void {
  writeRuntimeLayer(outputDir, esbuildOptionsOf({ ...NODE22_ESM_BUNDLING, externalModules: [] }));
}

const TRANSLATED_OPTIONS = new Set<keyof BundlingOptions>([
  'format',
  'mainFields',
  'minify',
  'target',
  'banner',
  'sourceMap',
  'sourcesContent',
  'externalModules',
]);

/**
 * The esbuild API options equal to the command line `NodejsFunction` runs for `bundling` (its `--bundle`,
 * `--platform=node`, and one flag per option), so scripts and tests build exactly what CDK deploys. Options it
 * does not translate are refused rather than silently dropped, and so are a missing `target` or `externalModules`,
 * whose CDK defaults depend on the runtime and feature flags.
 */
export function esbuildOptionsOf(bundling: BundlingOptions): BuildOptions {
  const untranslated = Object.keys(bundling).filter((key) => !TRANSLATED_OPTIONS.has(key as keyof BundlingOptions));
  if (untranslated.length > 0) throw new Error(`esbuildOptionsOf cannot translate bundling option(s): ${untranslated.join(', ')}`);
  if (bundling.target === undefined || bundling.externalModules === undefined) {
    throw new Error('esbuildOptionsOf needs an explicit target and externalModules');
  }
  return {
    bundle: true,
    platform: 'node',
    target: bundling.target,
    external: [...bundling.externalModules],
    ...(bundling.format && { format: bundling.format as Format }),
    ...(bundling.mainFields && { mainFields: [...bundling.mainFields] }),
    ...(bundling.minify && { minify: true }),
    ...(bundling.sourceMap && { sourcemap: true }),
    ...(bundling.sourcesContent === false && { sourcesContent: false }),
    ...(bundling.banner && { banner: { js: bundling.banner } }),
  };
}
