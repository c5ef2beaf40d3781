import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync, type Metafile } from 'esbuild';
import { LAYER_PACKAGES, buildRuntimeLayer, esbuildOptionsOf, functionBundling } from '../../lib/bundling.js';

// Uses the layer the way a function on Lambda does: signs and verifies a JWT, validates with zod/mini, and reads an
// item through the document client from a local server that answers like DynamoDB's GetItem.
const LAYER_CONSUMER = `
import { createServer } from 'node:http';
import { SignJWT, jwtVerify } from 'jose';
import * as z from 'zod/mini';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const secret = new TextEncoder().encode('a-32-byte-secret-for-hs256-tests');
const token = await new SignJWT({ sub: 'partner-1' }).setProtectedHeader({ alg: 'HS256' }).sign(secret);
const { payload } = await jwtVerify(token, secret);

const PolicyGroup = z.object({ name: z.string() });

const server = createServer((request, response) => {
  request.resume().on('end', () => {
    response.setHeader('content-type', 'application/x-amz-json-1.0');
    response.end(JSON.stringify({ Item: { pk: { S: 'POLICY_GROUP#1' }, name: { S: 'default' } } }));
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({
  region: 'eu-central-1',
  endpoint: 'http://127.0.0.1:' + server.address().port,
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
}));
const { Item } = await documentClient.send(new GetCommand({ TableName: 'pms', Key: { pk: 'POLICY_GROUP#1' } }));
server.close();

console.log(JSON.stringify({
  subject: payload.sub,
  acceptsValid: z.safeParse(PolicyGroup, { name: 'default' }).success,
  rejectsInvalid: !z.safeParse(PolicyGroup, { name: 7 }).success,
  item: Item,
  resolvedFrom: ['jose', 'zod/mini', '@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'].map((s) => import.meta.resolve(s)),
}));
`;

const AUTHORIZER_ENTRY = 'functions/authorizer/handler.ts';

const workDir = realpathSync(mkdtempSync(join(tmpdir(), 'pms-bundling-')));
after(() => rmSync(workDir, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) =>
    item.isDirectory() ? filesUnder(join(dir, item.name)) : [join(dir, item.name)],
  );
}

describe('runtime layer', () => {
  const layerNodeModules = join(workDir, 'layer', 'nodejs', 'node_modules');

  before(() => buildRuntimeLayer(join(workDir, 'layer')));

  test('answers jose, zod/mini and the DynamoDB clients to code beside it, as /opt/nodejs/node_modules does on Lambda', () => {
    // On Lambda the handler sits in /var/task and the layer in /opt; here a sibling directory links to the layer.
    const taskDir = join(workDir, 'task');
    mkdirSync(taskDir);
    symlinkSync(layerNodeModules, join(taskDir, 'node_modules'), 'dir');
    writeFileSync(join(taskDir, 'consumer.mjs'), LAYER_CONSUMER);

    const run = spawnSync(process.execPath, ['--no-warnings', join(taskDir, 'consumer.mjs')], { cwd: taskDir, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as { subject: string; acceptsValid: boolean; rejectsInvalid: boolean; item: unknown; resolvedFrom: string[] };

    assert.equal(result.subject, 'partner-1');
    assert.equal(result.acceptsValid, true);
    assert.equal(result.rejectsInvalid, true);
    assert.deepEqual(result.item, { pk: 'POLICY_GROUP#1', name: 'default' });
    for (const url of result.resolvedFrom) assert.ok(url.startsWith(pathToFileURL(layerNodeModules).href), `${url} is not in the layer`);
  });

  test('gives lib-dynamodb the layer’s client-dynamodb instead of a second copy', () => {
    const libDynamodb = filesUnder(join(layerNodeModules, '@aws-sdk', 'lib-dynamodb')).map((file) => readFileSync(file, 'utf8'));
    const clientDynamodb = filesUnder(join(layerNodeModules, '@aws-sdk', 'client-dynamodb')).map((file) => readFileSync(file, 'utf8'));
    // The DynamoDB service's protocol target name lives only in the client's code.
    const clientCodeMarker = 'DynamoDB_20120810';

    assert.ok(clientDynamodb.some((code) => code.includes(clientCodeMarker)));
    assert.ok(libDynamodb.some((code) => /from\s*"@aws-sdk\/client-dynamodb"/.test(code)));
    assert.ok(libDynamodb.every((code) => !code.includes(clientCodeMarker)));
  });

  test('keeps each package’s public import paths in its manifest', () => {
    const zodManifest = JSON.parse(readFileSync(join(layerNodeModules, 'zod', 'package.json'), 'utf8')) as { type: string; exports: Record<string, string> };
    assert.equal(zodManifest.type, 'module');
    assert.deepEqual(Object.keys(zodManifest.exports).sort(), ['.', './mini']);
  });
});

describe('function bundling', () => {
  function bundleAuthorizer(externalModules: string[]): { code: string; inputs: Metafile['inputs'] } {
    const result = buildSync({
      ...esbuildOptionsOf({ ...functionBundling(), externalModules }),
      entryPoints: [AUTHORIZER_ENTRY],
      outfile: join(workDir, 'authorizer', 'index.mjs'),
      write: false,
      metafile: true,
    });
    const code = result.outputFiles.find((file) => file.path.endsWith('.mjs'))!.text;
    return { code, inputs: result.metafile.inputs };
  }
  const layerPackageInputs = (inputs: Metafile['inputs']) =>
    Object.keys(inputs).filter((input) => LAYER_PACKAGES.some((pkg) => input.includes(`node_modules/${pkg}/`)));

  test('leaves the layer packages out of a function bundle, which imports them instead', () => {
    const withLayer = bundleAuthorizer(functionBundling().externalModules!);
    const withoutLayer = bundleAuthorizer([]);
    // An error code of jose's verifier: present wherever jose's code is bundled.
    const joseCodeMarker = 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED';

    assert.match(withLayer.code, /import\s*\{[^}]*jwtVerify[^}]*\}\s*from\s*"jose"/);
    assert.ok(!withLayer.code.includes(joseCodeMarker));
    assert.deepEqual(layerPackageInputs(withLayer.inputs), []);

    assert.ok(withoutLayer.code.includes(joseCodeMarker));
    assert.notDeepEqual(layerPackageInputs(withoutLayer.inputs), []);
    assert.ok(withLayer.code.length * 4 < withoutLayer.code.length, `${withLayer.code.length} vs ${withoutLayer.code.length} bytes`);
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
    assert.deepEqual([...LAYER_PACKAGES].sort(), ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', 'jose', 'zod']);
  });

  test('refuses a bundling option it cannot translate instead of dropping it', () => {
    assert.throws(() => esbuildOptionsOf({ ...functionBundling(), keepNames: true }), /keepNames/);
    assert.throws(() => esbuildOptionsOf({ ...functionBundling(), externalModules: undefined }), /externalModules/);
  });
});
