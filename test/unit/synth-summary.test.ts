import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { bundlingAssetOf, summarizeCloudAssembly, summaryLines } from '../../scripts/synth-summary.js';

const outDir = mkdtempSync(join(tmpdir(), 'synth-summary-'));
after(() => rmSync(outDir, { recursive: true, force: true }));

function write(file: string, value: unknown): void {
  writeFileSync(join(outDir, file), typeof value === 'string' ? value : JSON.stringify(value));
}

function lambda(path: string, asset: string) {
  return { Type: 'AWS::Lambda::Function', Metadata: { 'aws:cdk:path': `Pms/${path}/Resource`, 'aws:asset:path': asset } };
}

function bundle(asset: string, bytes: number): void {
  mkdirSync(join(outDir, asset));
  write(join(asset, 'index.mjs'), 'x'.repeat(bytes));
}

test('a cloud assembly is summed up: stacks, functions with their largest bundles, cdk-nag findings and acknowledgements', () => {
  write('manifest.json', { artifacts: { 'Pms.assets': { type: 'cdk:asset-manifest' }, Pms: { type: 'aws:cloudformation:stack' } } });
  write('Pms.template.json', {
    Resources: { Routes: { Type: 'AWS::CloudFormation::Stack' }, Relay: lambda('Relay/Function', 'asset.small'), Table: { Type: 'AWS::DynamoDB::Table' } },
  });
  write('PmsRoutes.nested.template.json', { Resources: { Upload: lambda('Routes/upload/Handler/Function', 'asset.large') } });
  bundle('asset.small', 2048);
  bundle('asset.large', 600 * 1024);
  write('Pms.metadata.json', {
    '/Pms/Relay': [
      { type: 'aws:cdk:acknowledged-rules', data: { 'Annotation::AwsSolutions-L1': 'pinned runtime' } },
      { type: 'aws:cdk:logicalId', data: 'Relay' },
    ],
    '/Pms/Routes/upload': [
      { type: 'aws:cdk:acknowledged-rules', data: { 'Annotation::AwsSolutions-L1': 'pinned', 'Annotation::AwsSolutions-APIG4': 'public' } },
    ],
  });
  write('validation-report.json', {
    pluginReports: [{ violations: [{ ruleName: 'AwsSolutions-IAM5', violatingResources: [{ resourceLogicalId: 'UploadRole' }] }] }],
  });

  const summary = summarizeCloudAssembly(outDir);
  assert.deepEqual(summary.stacks, ['Pms']);
  assert.equal(summary.nestedStacks, 1);
  assert.deepEqual(
    summary.functions.sort((a, b) => a.path.localeCompare(b.path)),
    [
      { path: 'Relay', bytes: 2048 },
      { path: 'Routes/upload', bytes: 600 * 1024 },
    ],
  );
  assert.deepEqual(summary.findings, ['AwsSolutions-IAM5 UploadRole']);
  assert.deepEqual(Object.fromEntries(summary.acknowledged), { 'AwsSolutions-L1': 2, 'AwsSolutions-APIG4': 1 });

  assert.deepEqual(summaryLines(summary, 'cdk.out', 42), [
    'synthesized Pms (1 nested stacks) into cdk.out/ in 42 s',
    'functions: 2; largest bundle 600 kB (Routes/upload); 1 over 500 kB: Routes/upload',
    'cdk-nag AwsSolutions: 1 finding(s): AwsSolutions-IAM5 UploadRole; acknowledged (docs/deploy.md): AwsSolutions-APIG4 ×1, AwsSolutions-L1 ×2',
  ]);
});

test("progress counts esbuild's start line per asset, and nothing else", () => {
  assert.equal(
    bundlingAssetOf('Bundling asset Pms/PolicyRoutes1/searchPolicies/Handler/Function/Code/Stage...'),
    'Pms/PolicyRoutes1/searchPolicies/Handler/Function',
  );
  assert.equal(bundlingAssetOf('  ...87920ad84e25f5e06ebb28879f7d618d7bb633521cc46-building/index.mjs  407.0kb'), undefined);
  assert.equal(bundlingAssetOf('⚡ Done in 325ms'), undefined);
});
