import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { LAYER_CHUNKS_DIRECTORY } from '../../layers/runtime/build.js';
import { buildRuntimeLayer, esbuildOptionsOf, functionBundling, LAYER_PACKAGES } from '../../lib/bundling.js';

// Uses the layer the way a partner function on Lambda does: reads an item through the document client and asks KMS
// for a MAC, from a local server that answers like DynamoDB's GetItem and KMS's GenerateMac.
const LAYER_CONSUMER = `
import { createServer } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { GenerateMacCommand, KMSClient } from '@aws-sdk/client-kms';

const server = createServer((request, response) => {
  request.resume().on('end', () => {
    response.setHeader('content-type', 'application/x-amz-json-1.1');
    response.end(JSON.stringify(String(request.headers['x-amz-target']).startsWith('TrentService.')
      ? { KeyId: 'mac-key', MacAlgorithm: 'HMAC_SHA_256', Mac: Buffer.from('mac').toString('base64') }
      : { Item: { pk: { S: 'POLICY_GROUP#1' }, name: { S: 'default' } } }));
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({
  region: 'eu-central-1',
  endpoint: 'http://127.0.0.1:' + server.address().port,
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
}));
const { Item } = await documentClient.send(new GetCommand({ TableName: 'pms', Key: { pk: 'POLICY_GROUP#1' } }));
const kms = new KMSClient({
  region: 'eu-central-1',
  endpoint: 'http://127.0.0.1:' + server.address().port,
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});
const { Mac } = await kms.send(new GenerateMacCommand({ KeyId: 'mac-key', MacAlgorithm: 'HMAC_SHA_256', Message: Buffer.from('x') }));
server.close();

console.log(JSON.stringify({
  item: Item,
  mac: Buffer.from(Mac).toString(),
  resolvedFrom: ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', '@aws-sdk/client-kms'].map((s) => import.meta.resolve(s)),
}));
`;

/** What every data function imports from the layer. */
const DYNAMODB_PACKAGES = ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'];
/**
 * The layer: the DynamoDB clients, and the other SDK clients functions use (KMS, Secrets Manager, EventBridge, SES,
 * SQS), which share the SDK's core with them (issue #18: bundled, KMS alone was about 300 kB per function).
 */
const SDK_LAYER_PACKAGES = [
  ...DYNAMODB_PACKAGES,
  '@aws-sdk/client-kms',
  '@aws-sdk/client-secrets-manager',
  '@aws-sdk/client-eventbridge',
  '@aws-sdk/client-sesv2',
  '@aws-sdk/client-sqs',
].sort();
const AUTHORIZER_ENTRY = 'functions/authorizer/handler.ts';
/** A data function: reads a policy group through the document client, validates its path parameter with zod/mini. */
const DATA_FUNCTION_ENTRY = 'functions/handlers/policy-groups/get-policy-group.ts';

// Strings that survive minification and appear only where the package's code is bundled.
/** The DynamoDB service's protocol target name, in client-dynamodb's code only. */
const DYNAMODB_CLIENT_MARKER = 'DynamoDB_20120810';
/** The KMS service's protocol target prefix, in client-kms's code only. */
const KMS_CLIENT_MARKER = 'TrentService';
/** The name of @smithy/core's request-signing middleware, which every SDK client uses. */
const SMITHY_CORE_MARKER = 'httpSigningMiddleware';
/** The name zod/mini gives its object schema class. */
const ZOD_MINI_MARKER = 'ZodMiniObject';
/** An error code of jose's verifier. */
const JOSE_MARKER = 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED';

const workDir = realpathSync(mkdtempSync(join(tmpdir(), 'pms-bundling-')));
after(() => rmSync(workDir, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => (item.isDirectory() ? filesUnder(join(dir, item.name)) : [join(dir, item.name)]));
}

describe('runtime layer', () => {
  const layerNodeModules = join(workDir, 'layer', 'nodejs', 'node_modules');

  before(() => buildRuntimeLayer(join(workDir, 'layer')));

  test('provides exactly the DynamoDB clients, the other SDK clients functions use, and the code they share', () => {
    assert.deepEqual([...LAYER_PACKAGES].sort(), SDK_LAYER_PACKAGES);
    assert.deepEqual(readdirSync(layerNodeModules).sort(), [LAYER_CHUNKS_DIRECTORY, '@aws-sdk']);
    assert.deepEqual(
      readdirSync(join(layerNodeModules, '@aws-sdk')).sort(),
      SDK_LAYER_PACKAGES.map((name) => name.slice('@aws-sdk/'.length)),
    );
  });

  test('answers the DynamoDB and KMS clients to code beside it, as /opt/nodejs/node_modules does on Lambda', () => {
    // On Lambda the handler sits in /var/task and the layer in /opt; here a sibling directory links to the layer.
    const taskDir = join(workDir, 'task');
    mkdirSync(taskDir);
    symlinkSync(layerNodeModules, join(taskDir, 'node_modules'), 'dir');
    writeFileSync(join(taskDir, 'consumer.mjs'), LAYER_CONSUMER);

    const run = spawnSync(process.execPath, ['--no-warnings', join(taskDir, 'consumer.mjs')], { cwd: taskDir, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as { item: unknown; mac: string; resolvedFrom: string[] };

    assert.deepEqual(result.item, { pk: 'POLICY_GROUP#1', name: 'default' });
    assert.equal(result.mac, 'mac');
    for (const url of result.resolvedFrom) assert.ok(url.startsWith(pathToFileURL(layerNodeModules).href), `${url} is not in the layer`);
  });

  test('carries one copy of each client and of the SDK core they share', () => {
    // Bundled one package at a time, lib-dynamodb and KMS each carried their own @smithy/* code; now one file has it.
    const filesWith = (marker: string) =>
      filesUnder(layerNodeModules)
        .filter((file) => readFileSync(file, 'utf8').includes(marker))
        .map((file) => file.slice(layerNodeModules.length + 1));
    for (const marker of [DYNAMODB_CLIENT_MARKER, KMS_CLIENT_MARKER, SMITHY_CORE_MARKER]) assert.equal(filesWith(marker).length, 1, marker);
    assert.ok(filesWith(SMITHY_CORE_MARKER)[0]!.startsWith(`${LAYER_CHUNKS_DIRECTORY}/`));
  });

  test('loads no other client’s code into a function that imports only the DynamoDB clients', () => {
    // What the DynamoDB clients' entry files reach through static imports (the SDK's dynamic imports load on demand).
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:import|export)\s*(?:[^"'();]*?from\s*)?"(\.[^"]+)"/g)) {
        visit(join(dirname(file), specifier!));
      }
    };
    for (const name of DYNAMODB_PACKAGES) visit(join(layerNodeModules, name, 'index.js'));
    const code = [...reached].map((file) => readFileSync(file, 'utf8'));
    assert.ok(code.some((text) => text.includes(DYNAMODB_CLIENT_MARKER)));
    for (const marker of [KMS_CLIENT_MARKER, 'secretsmanager', 'AWSEvents', 'AmazonSQS', 'SimpleEmailService_v2']) {
      assert.ok(
        code.every((text) => !text.includes(marker)),
        marker,
      );
    }
  });

  test('keeps each package’s public import paths in its manifest', () => {
    for (const name of SDK_LAYER_PACKAGES) {
      const manifest = JSON.parse(readFileSync(join(layerNodeModules, name, 'package.json'), 'utf8')) as {
        name: string;
        type: string;
        exports: Record<string, string>;
      };
      assert.deepEqual({ name: manifest.name, type: manifest.type, exports: Object.keys(manifest.exports) }, { name, type: 'module', exports: ['.'] });
    }
  });
});

describe('function bundling', () => {
  /** A function bundle as CDK builds it, and how many bytes of it each npm package contributes. */
  function bundle(entry: string, externalModules: string[]): { code: string; packageBytes: Map<string, number> } {
    const result = buildSync({
      ...esbuildOptionsOf({ ...functionBundling(), externalModules }),
      entryPoints: [entry],
      outfile: join(workDir, 'bundles', entry, 'index.mjs'),
      write: false,
      metafile: true,
    });
    const code = result.outputFiles.find((file) => file.path.endsWith('.mjs'))!.text;
    const output = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('.mjs'))![1];
    // `node_modules/@aws-sdk/lib-dynamodb/dist-es/…` → `@aws-sdk/lib-dynamodb`
    const packageBytes = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
      if (pkg && bytesInOutput > 0) packageBytes.set(pkg, (packageBytes.get(pkg) ?? 0) + bytesInOutput);
    }
    return { code, packageBytes };
  }
  const importsFrom = (code: string, specifier: string) => new RegExp(`import\\s*\\{[^}]*\\}\\s*from\\s*"${specifier}"`).test(code);

  test('a data function imports the DynamoDB clients from the layer and carries its own tree-shaken zod/mini', () => {
    const withLayer = bundle(DATA_FUNCTION_ENTRY, functionBundling().externalModules!);
    // The markers are what they claim: bundling everything brings the client's code in.
    const withoutLayer = bundle(DATA_FUNCTION_ENTRY, []);
    assert.ok(withoutLayer.code.includes(DYNAMODB_CLIENT_MARKER));

    for (const specifier of DYNAMODB_PACKAGES) assert.ok(importsFrom(withLayer.code, specifier), `no import from ${specifier}`);
    assert.ok(!withLayer.code.includes(DYNAMODB_CLIENT_MARKER));
    assert.deepEqual(
      [...withLayer.packageBytes.keys()].filter((pkg) => LAYER_PACKAGES.includes(pkg)),
      [],
    );

    assert.ok(withLayer.code.includes(ZOD_MINI_MARKER));
    assert.doesNotMatch(withLayer.code, /from\s*"zod/);
    // Tree-shaken: about 20 kB of zod, against 485 kB for all of zod with its locales.
    const zodBytes = withLayer.packageBytes.get('zod') ?? 0;
    assert.ok(zodBytes > 0 && zodBytes < 100_000, `${zodBytes} bytes of zod`);
  });

  test('the authorizer carries its own tree-shaken jose', () => {
    const authorizer = bundle(AUTHORIZER_ENTRY, functionBundling().externalModules!);

    assert.ok(authorizer.code.includes(JOSE_MARKER));
    assert.doesNotMatch(authorizer.code, /from\s*"jose"/);
    // Tree-shaken: about 19 kB of jose, against 60 kB for all of it.
    const joseBytes = authorizer.packageBytes.get('jose') ?? 0;
    assert.ok(joseBytes > 0 && joseBytes < 40_000, `${joseBytes} bytes of jose`);
  });

  test('bundles AWS SDK packages that are not in the layer rather than taking them from the Lambda runtime', () => {
    const result = buildSync({
      ...esbuildOptionsOf(functionBundling()),
      stdin: { contents: "export { marshall } from '@aws-sdk/util-dynamodb';", resolveDir: process.cwd(), loader: 'ts' },
      write: false,
      metafile: true,
    });
    assert.ok(Object.keys(result.metafile.inputs).some((input) => input.includes('node_modules/@aws-sdk/util-dynamodb/')));
  });

  test('translates to the esbuild settings of an ES module bundle for Node 22', () => {
    const options = esbuildOptionsOf(functionBundling());
    assert.deepEqual(
      {
        format: options.format,
        target: options.target,
        platform: options.platform,
        mainFields: options.mainFields,
        sourcemap: options.sourcemap,
        sourcesContent: options.sourcesContent,
        external: options.external,
      },
      { format: 'esm', target: 'node22', platform: 'node', mainFields: ['module', 'main'], sourcemap: true, sourcesContent: false, external: LAYER_PACKAGES },
    );
    assert.match(options.banner?.js ?? '', /const require = createRequire\(import\.meta\.url\)/);
  });

  test('refuses a bundling option it cannot translate instead of dropping it', () => {
    assert.throws(() => esbuildOptionsOf({ ...functionBundling(), keepNames: true }), /keepNames/);
    assert.throws(() => esbuildOptionsOf({ ...functionBundling(), externalModules: undefined }), /externalModules/);
  });
});
