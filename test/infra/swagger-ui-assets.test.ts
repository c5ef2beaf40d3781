import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { SWAGGER_UI_BUNDLE_DIRECTORY, SWAGGER_UI_DIST_FILES } from '../../functions/openapi/swagger-ui-files.js';
import { platformRoutes } from '../../functions/routes/platform-routes.js';
import { addPmsStack, PMS_STACK_NAME } from '../../lib/pms-app.js';
import type { CfnResource } from './template-queries.js';
import { operationIdOf } from './template-queries.js';

/*
 * Swagger UI on AWS, from the synthesized cloud assembly (offline, as `npm run synth`): its routes have no authorizer,
 * and its functions' assets, bundled for real here (the other infra tests skip esbuild), hold swagger-ui-dist's
 * allowlisted files beside index.mjs, which does not carry them, and that bundle finds and serves them.
 */

const CDK_JSON_CONTEXT = (JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> }).context;
const DIST = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const SWAGGER_UI_ROWS = [platformRoutes.partnerManagerSwaggerUi, platformRoutes.policyManagerSwaggerUi];
/** A row of the same nested stack that reads no file: its asset must stay a bare bundle. */
const CONTROL_ROW = platformRoutes.partnerManagerApiDocs;

const outdir = join(tmpdir(), `pms-swagger-ui-synth-${process.pid}`);
after(() => rmSync(outdir, { recursive: true, force: true }));

// Nested stacks bundle when their root does: three routes and no job keep it to the root's few functions and these.
const app = new App({
  outdir,
  builtinCloudFormationValidation: false,
  context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': [PMS_STACK_NAME], 'aws:cdk:enable-asset-metadata': true },
});
const stack = addPmsStack(app, { routes: [...SWAGGER_UI_ROWS, CONTROL_ROW], jobs: [] });
const assembly = app.synth();
const platform = stack.domainStacks.find((domainStack) => domainStack.node.id.startsWith('PlatformRoutes'));
const resources = (Template.fromStack(platform!).toJSON() as { Resources: Record<string, CfnResource & { Metadata?: Record<string, string> }> }).Resources;

function assetDirectoryOf(operationId: string): string {
  const functions = Object.values(resources).filter((resource) => resource.Type === 'AWS::Lambda::Function' && operationIdOf(resource) === operationId);
  assert.equal(functions.length, 1, `one function for ${operationId}`);
  const assetPath = functions[0]!.Metadata?.['aws:asset:path'];
  assert.ok(assetPath, `${operationId} has an asset`);
  return join(assembly.directory, assetPath);
}

test('the Swagger UI routes are GET /swagger-ui/{file+} of each service, without the authorizer', () => {
  const routes = Object.values(resources).filter((resource) => resource.Type === 'AWS::ApiGatewayV2::Route');
  for (const row of SWAGGER_UI_ROWS) {
    const route = routes.find((candidate) => candidate.Properties.RouteKey === `GET ${row.fullPath}`);
    assert.ok(route, `no route GET ${row.fullPath}`);
    assert.equal(route.Properties.AuthorizationType, 'NONE');
    assert.equal(route.Properties.AuthorizerId, undefined);
  }
  assert.deepEqual(
    SWAGGER_UI_ROWS.map((row) => row.fullPath),
    ['/v1/partnermanager/swagger-ui/{file+}', '/v1/policymanager/swagger-ui/{file+}'],
  );
});

test("each Swagger UI function's asset holds the allowlisted swagger-ui-dist files beside its bundle, and nothing else of the package", () => {
  for (const row of SWAGGER_UI_ROWS) {
    const asset = assetDirectoryOf(row.operationId);
    assert.ok(existsSync(join(asset, 'index.mjs')), `${row.operationId}: index.mjs`);
    const shipped = join(asset, SWAGGER_UI_BUNDLE_DIRECTORY);
    assert.deepEqual(readdirSync(shipped).sort(), [...SWAGGER_UI_DIST_FILES].sort(), row.operationId);
    for (const file of SWAGGER_UI_DIST_FILES) {
      assert.ok(readFileSync(join(shipped, file)).equals(readFileSync(join(DIST, file))), `${row.operationId}: ${file} as the package has it`);
    }
    // The bundle reads the files at run time; the 1.7 MB script is not compiled into it.
    const bundleBytes = statSync(join(asset, 'index.mjs')).size;
    assert.ok(bundleBytes < statSync(join(DIST, 'swagger-ui-bundle.js')).size / 4, `${row.operationId}: index.mjs is ${bundleBytes} bytes`);
  }
});

test('the bundled handler, run from its asset as Lambda runs it, answers from the files beside it', () => {
  const asset = assetDirectoryOf(platformRoutes.policyManagerSwaggerUi.operationId);
  const files = ['index.html', 'swagger-ui-bundle.js', 'swagger-initializer.js', 'package.json'];
  // A process of its own, as Lambda's: and out of this run's coverage, which reads every loaded module's source map
  // at the end, after the asset directory is gone.
  const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(join(asset, 'index.mjs')).href)});
const answers = {};
for (const file of ${JSON.stringify(files)}) {
  answers[file] = await handler({ pathParameters: { file }, headers: {}, requestContext: { requestId: 'infra-test' } });
}
process.stdout.write(JSON.stringify(answers));`;
  const { NODE_V8_COVERAGE: _coverage, ...env } = process.env;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(run.status, 0, run.stderr);
  const answers = JSON.parse(run.stdout) as Record<string, APIGatewayProxyStructuredResultV2>;
  for (const file of ['index.html', 'swagger-ui-bundle.js']) {
    assert.equal(answers[file]!.statusCode, 200, file);
    assert.equal(answers[file]!.body, readFileSync(join(DIST, file), 'utf8'), file);
  }
  assert.match(answers['swagger-initializer.js']!.body ?? '', /url: "\/v1\/policymanager\/v3\/api-docs"/);
  assert.equal(answers['package.json']!.statusCode, 404);
});

test('a function that reads no file gets a bare bundle', () => {
  const asset = assetDirectoryOf(CONTROL_ROW.operationId);
  assert.ok(existsSync(join(asset, 'index.mjs')));
  assert.equal(existsSync(join(asset, SWAGGER_UI_BUNDLE_DIRECTORY)), false);
});
