/** One npm package the runtime layer provides, and the import paths functions may use ("." is the package root). */
export interface LayerPackage {
  name: string;
  importPaths: readonly string[];
}

/**
 * The heavy third-party libraries that tree-shaking cannot shrink much: the DynamoDB client and the document client,
 * which every data function imports, and the other AWS SDK clients that functions need: KMS (the personal-data
 * protector, the PMS CA signer), Secrets Manager (the login and OIDC client secrets), EventBridge (the outbox relay),
 * SES and SQS (the mail sender). The layer bundles them in one build, so they share one copy of the SDK's core (@smithy/*, @aws-sdk/core, the credential providers): KMS bundled
 * into a function was about 300 kB, 0.3x of the baseline's load time; from the layer it adds its 64 kB of commands.
 * Add a row only for a package that is installed (the layer is bundled from node_modules), that ships an ES module
 * entry (a CommonJS-only entry would come out of esbuild with a default export and no named ones), and that
 * `npm run bench` shows loading faster from the layer than bundled (docs/bench.md).
 *
 * jose and zod are not here but bundled, tree-shaken, into each function: a layer package must export its whole
 * public API, so every function would load all of it. Measured: zod/mini 485 kB in the layer (incl. locales) vs
 * about 20 kB bundled; jose 60 kB in the layer vs 19 kB bundled into the authorizer.
 */
export const RUNTIME_LAYER_PACKAGES: readonly LayerPackage[] = [
  { name: '@aws-sdk/client-dynamodb', importPaths: ['.'] },
  { name: '@aws-sdk/lib-dynamodb', importPaths: ['.'] },
  { name: '@aws-sdk/client-kms', importPaths: ['.'] },
  { name: '@aws-sdk/client-secrets-manager', importPaths: ['.'] },
  { name: '@aws-sdk/client-eventbridge', importPaths: ['.'] },
  { name: '@aws-sdk/client-sesv2', importPaths: ['.'] },
  { name: '@aws-sdk/client-sqs', importPaths: ['.'] },
];

/** The specifier an import statement uses: `zod` + `./mini` → `zod/mini`. */
export function importSpecifierOf(pkg: LayerPackage, importPath: string): string {
  return importPath === '.' ? pkg.name : `${pkg.name}/${importPath.slice(2)}`;
}

/** Every specifier the layer answers, e.g. for checking that imports resolve into it. */
export function layerImportSpecifiers(): string[] {
  return RUNTIME_LAYER_PACKAGES.flatMap((pkg) => pkg.importPaths.map((importPath) => importSpecifierOf(pkg, importPath)));
}
