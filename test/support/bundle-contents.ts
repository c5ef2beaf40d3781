import { buildSync } from 'esbuild';
import { esbuildOptionsOf, functionBundling } from '../../lib/bundling.js';

/** What an entry's bundle is made of, built with the options CDK deploys it with (nothing written). */
export interface BundleContents {
  /** Every file esbuild read for the bundle, tree-shaken away or not. */
  readInputs: string[];
  /** The files that contribute code to the bundle. */
  codeInputs: string[];
  /** The packages it imports at run time (the runtime layer's). */
  externalImports: string[];
}

export function bundleContents(entry: string): BundleContents {
  const { metafile } = buildSync({
    ...esbuildOptionsOf(functionBundling()),
    entryPoints: [entry],
    write: false,
    outdir: 'out',
    metafile: true,
    logLevel: 'silent',
  });
  const output = Object.values(metafile.outputs).find((candidate) => candidate.entryPoint !== undefined)!;
  return {
    readInputs: Object.keys(metafile.inputs),
    codeInputs: Object.entries(output.inputs)
      .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
      .map(([input]) => input),
    externalImports: Object.values(metafile.outputs).flatMap((built) => built.imports.filter((imported) => imported.external).map((imported) => imported.path)),
  };
}
