/** One npm package the runtime layer provides, and the import paths functions may use ("." is the package root). */
export interface LayerPackage {
  name: string;
  importPaths: readonly string[];
}

/**
 * The heavy third-party libraries every function imports. Add a row only for a package that is installed (the
 * layer is bundled from node_modules) and that ships an ES module entry: a CommonJS-only entry would come out of
 * esbuild with a default export and no named ones.
 */
export const RUNTIME_LAYER_PACKAGES: readonly LayerPackage[] = [
  { name: 'jose', importPaths: ['.'] },
  // Functions import zod/mini; the root stays importable so no import of zod fails only on Lambda.
  { name: 'zod', importPaths: ['.', './mini'] },
  { name: '@aws-sdk/client-dynamodb', importPaths: ['.'] },
  { name: '@aws-sdk/lib-dynamodb', importPaths: ['.'] },
];

/** The specifier an import statement uses: `zod` + `./mini` → `zod/mini`. */
export function importSpecifierOf(pkg: LayerPackage, importPath: string): string {
  return importPath === '.' ? pkg.name : `${pkg.name}/${importPath.slice(2)}`;
}

/** Every specifier the layer answers, e.g. for checking that imports resolve into it. */
export function layerImportSpecifiers(): string[] {
  return RUNTIME_LAYER_PACKAGES.flatMap((pkg) => pkg.importPaths.map((importPath) => importSpecifierOf(pkg, importPath)));
}
