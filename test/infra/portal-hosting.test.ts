/* `-c portalBuild=…`: MOSIP's portal and the API on one CloudFront origin, the bucket private, cdk-nag clean. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { PORTAL_CONTENT_SECURITY_POLICY, portalEnvironmentScript } from '../../lib/portal-hosting.js';
import { KEYCLOAK_CONTEXT } from './identity-context.js';
import { portalBuildDirectory } from './login-fixtures.js';
import { synthesizePms } from './synth.js';
import { type CfnResource, referencedId, resourcesOfType } from './template-queries.js';

// AWS managed policies' fixed ids (CloudFront documentation).
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';
const WEB_ACL_ARN = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/pms-portal/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';

const build = portalBuildDirectory();
const temporary: string[] = [build];
after(() => {
  for (const directory of temporary) rmSync(directory, { recursive: true, force: true });
});
const pms = synthesizePms({ context: { portalBuild: build } });
const resources = pms.root.toJSON().Resources as Record<string, CfnResource>;
const [distribution] = resourcesOfType(pms, 'AWS::CloudFront::Distribution');
const config = distribution!.resource.Properties.DistributionConfig;

function unacknowledgedFindings(root: IConstruct): string[] {
  return new AwsSolutionsChecks()
    .validateScope(root)
    .violations.flatMap((violation) => violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`));
}

function acknowledgedIds(root: IConstruct): string[] {
  return root.node
    .findAll()
    .flatMap((construct) => construct.node.metadata.filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
    .flatMap((entry) => Object.keys(entry.data as object).map((key) => key.replace(/^annotation::/i, '')));
}

function originOf(targetOriginId: string): Record<string, any> {
  return (config.Origins as { Id: string }[]).find((origin) => origin.Id === targetOriginId)!;
}

function bucketBehind(origin: Record<string, any>): string {
  return referencedId(origin.DomainName);
}

test('the portal bucket is private: all public access blocked, TLS enforced, encrypted, logged; only this distribution may read, through OAC', () => {
  const defaultOrigin = originOf(config.DefaultCacheBehavior.TargetOriginId);
  const filesId = bucketBehind(defaultOrigin);
  const files = resources[filesId]!.Properties;
  assert.deepEqual(files.PublicAccessBlockConfiguration, {
    BlockPublicAcls: true,
    BlockPublicPolicy: true,
    IgnorePublicAcls: true,
    RestrictPublicBuckets: true,
  });
  assert.equal(files.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm, 'AES256');
  assert.equal(files.WebsiteConfiguration, undefined);
  assert.ok(files.LoggingConfiguration.DestinationBucketName, 'server access logs');

  const [oac] = resourcesOfType(pms, 'AWS::CloudFront::OriginAccessControl');
  assert.equal(oac!.resource.Properties.OriginAccessControlConfig.SigningBehavior, 'always');
  assert.equal(referencedId(defaultOrigin.OriginAccessControlId), oac!.logicalId);

  const policy = Object.values(resources).find(
    (resource) => resource.Type === 'AWS::S3::BucketPolicy' && referencedId(resource.Properties.Bucket) === filesId,
  )!;
  const statements = policy.Properties.PolicyDocument.Statement as Record<string, any>[];
  const allows = statements.filter((statement) => statement.Effect === 'Allow');
  assert.deepEqual(
    allows.map((statement) => [statement.Principal, statement.Action]),
    [[{ Service: 'cloudfront.amazonaws.com' }, 's3:GetObject']],
  );
  assert.match(JSON.stringify(allows[0]!.Condition.StringEquals['AWS:SourceArn']), new RegExp(`"Ref":"${distribution!.logicalId}"`));
  const denyPlainHttp = statements.find((statement) => statement.Effect === 'Deny');
  assert.deepEqual(denyPlainHttp?.Condition, { Bool: { 'aws:SecureTransport': 'false' } });
});

test('the default behaviour serves the portal over https (http redirected) with the SPA fallback; errors are never rewritten distribution-wide', () => {
  const behaviour = config.DefaultCacheBehavior;
  assert.equal(behaviour.ViewerProtocolPolicy, 'redirect-to-https');
  assert.deepEqual(behaviour.AllowedMethods, ['GET', 'HEAD']);
  assert.equal(config.DefaultRootObject, 'index.html');
  // Error responses would apply to the API too and turn its 403/404 envelopes into index.html.
  assert.equal(config.CustomErrorResponses, undefined);
  const [association] = behaviour.FunctionAssociations;
  assert.equal(association.EventType, 'viewer-request');
  assert.equal(referencedId(association.FunctionARN), resourcesOfType(pms, 'AWS::CloudFront::Function')[0]!.logicalId);
});

test('the SPA fallback sends portal routes to index.html and leaves files alone', () => {
  const [fn] = resourcesOfType(pms, 'AWS::CloudFront::Function');
  const { FunctionCode, FunctionConfig } = fn!.resource.Properties;
  assert.equal(FunctionConfig.Runtime, 'cloudfront-js-2.0');
  const handler = runInNewContext(`${FunctionCode}; handler`) as (event: { request: { uri: string } }) => { uri: string };
  const uriFor = (uri: string) => handler({ request: { uri } }).uri;
  assert.equal(uriFor('/'), '/index.html');
  assert.equal(uriFor('/partnermanagement/dashboard'), '/index.html');
  assert.equal(uriFor('/static/js/main.1a2b3c4d.js'), '/static/js/main.1a2b3c4d.js');
  assert.equal(uriFor('/env-config.js'), '/env-config.js');
  assert.equal(uriFor('/i18n/eng.json'), '/i18n/eng.json');
});

test('/v1/* goes to the HTTP API: https only, every method, no caching, every viewer header but Host, no SPA fallback', () => {
  const behaviours = config.CacheBehaviors as Record<string, any>[];
  assert.deepEqual(
    behaviours.map((behaviour) => behaviour.PathPattern),
    ['/v1/*'],
  );
  const api = behaviours[0]!;
  assert.deepEqual(
    {
      viewer: api.ViewerProtocolPolicy,
      methods: [...api.AllowedMethods].sort(),
      cache: api.CachePolicyId,
      originRequest: api.OriginRequestPolicyId,
      functions: api.FunctionAssociations,
    },
    {
      viewer: 'https-only',
      methods: ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'],
      cache: CACHING_DISABLED,
      originRequest: ALL_VIEWER_EXCEPT_HOST_HEADER,
      functions: undefined,
    },
  );
  const origin = originOf(api.TargetOriginId);
  const [httpApi] = resourcesOfType(pms, 'AWS::ApiGatewayV2::Api');
  assert.deepEqual(origin.DomainName, {
    'Fn::Join': ['', [{ Ref: httpApi!.logicalId }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]],
  });
  assert.deepEqual(origin.CustomOriginConfig, { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
});

test('both behaviours send the security headers; the CSP lets the built portal run (its files and same-origin calls) and nothing inline', () => {
  const [policy] = resourcesOfType(pms, 'AWS::CloudFront::ResponseHeadersPolicy');
  for (const behaviour of [config.DefaultCacheBehavior, ...config.CacheBehaviors])
    assert.equal(referencedId(behaviour.ResponseHeadersPolicyId), policy!.logicalId);
  const headers = policy!.resource.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
  assert.ok(headers.StrictTransportSecurity.AccessControlMaxAgeSec >= 31_536_000);
  assert.equal(headers.ContentTypeOptions.Override, true);
  assert.equal(headers.FrameOptions.FrameOption, 'DENY');
  assert.equal(headers.ReferrerPolicy.ReferrerPolicy, 'strict-origin-when-cross-origin');
  const csp = Object.fromEntries(
    String(headers.ContentSecurityPolicy.ContentSecurityPolicy)
      .split('; ')
      .map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]),
  );
  assert.equal(headers.ContentSecurityPolicy.ContentSecurityPolicy, PORTAL_CONTENT_SECURITY_POLICY);
  assert.deepEqual(csp['script-src'], ["'self'"]);
  assert.deepEqual(csp['connect-src'], ["'self'"]);
  assert.deepEqual(csp['frame-ancestors'], ["'none'"]);
  assert.deepEqual(csp['object-src'], ["'none'"]);
  // The build's index.html loads only files: no inline script the policy would block.
  assert.doesNotMatch(readFileSync(join(build, 'index.html'), 'utf8'), /<script>(?!<\/script>)/);
});

test('default certificate: TLS cannot be pinned (acknowledged); a custom domain gets its certificate, SNI and TLSv1.2_2021, and a web ACL attaches', () => {
  assert.equal(config.ViewerCertificate, undefined);
  assert.equal(config.Aliases, undefined);
  const custom = synthesizePms({
    context: { portalBuild: build, portalDomainName: 'partners.example.org', portalCertificateArn: CERTIFICATE_ARN, portalWebAclArn: WEB_ACL_ARN },
  });
  const [customDistribution] = resourcesOfType(custom, 'AWS::CloudFront::Distribution');
  const customConfig = customDistribution!.resource.Properties.DistributionConfig;
  assert.deepEqual(customConfig.Aliases, ['partners.example.org']);
  assert.deepEqual(customConfig.ViewerCertificate, {
    AcmCertificateArn: CERTIFICATE_ARN,
    MinimumProtocolVersion: 'TLSv1.2_2021',
    SslSupportMethod: 'sni-only',
  });
  assert.equal(customConfig.WebACLId, WEB_ACL_ARN);
  assert.deepEqual(unacknowledgedFindings(custom.app), []);
  const acknowledged = acknowledgedIds(custom.app);
  assert.ok(!acknowledged.includes('AwsSolutions-CFR4') && !acknowledged.includes('AwsSolutions-CFR2'), 'nothing to acknowledge with a domain and a web ACL');
  const [output] = Object.values(custom.root.toJSON().Outputs as Record<string, { Value: unknown }>).filter(
    (candidate) => candidate.Value === 'https://partners.example.org',
  );
  assert.ok(output, 'PortalUrl is the custom domain');
});

test('cdk-nag: nothing unacknowledged (Cognito, Keycloak); exactly the portal findings are acknowledged, where they arise', () => {
  assert.deepEqual(unacknowledgedFindings(pms.app), []);
  assert.deepEqual(unacknowledgedFindings(synthesizePms({ context: { ...KEYCLOAK_CONTEXT, portalBuild: build } }).app), []);
  // Those of every deployment (nag.test.ts), the X-Ray grant's `*` on each PMS function role among them.
  const stackWide = ['AwsSolutions-APIG4', 'AwsSolutions-IAM5[Resource::*]', 'AwsSolutions-L1', 'AwsSolutions-SQS3'];
  const portalAcknowledgements = acknowledgedIds(pms.app).filter((id) => !stackWide.includes(id));
  assert.deepEqual(portalAcknowledgements.map((id) => id.replace(/\[.*$/, '')).sort(), [
    'AwsSolutions-CFR1',
    'AwsSolutions-CFR2',
    'AwsSolutions-CFR4',
    'AwsSolutions-IAM5',
    'AwsSolutions-IAM5',
    'AwsSolutions-IAM5',
    'AwsSolutions-IAM5',
    'AwsSolutions-IAM5',
    'AwsSolutions-IAM5',
    'AwsSolutions-IAM5',
    'AwsSolutions-S1',
  ]);
  // The deployment function's role is our own: no AWS managed policy, and no CloudFront permission at all.
  const roles = resourcesOfType(pms, 'AWS::IAM::Role').filter((role) => role.logicalId.startsWith('PortalDeploymentRole'));
  assert.equal(roles.length, 1);
  assert.equal(roles[0]!.resource.Properties.ManagedPolicyArns, undefined);
  assert.doesNotMatch(JSON.stringify(resourcesOfType(pms, 'AWS::IAM::Policy').map((policy) => policy.resource)), /cloudfront:/);
});

test('the deployment copies the build and an env-config.js pointing both MOSIP services at this origin, served no-cache', () => {
  const [deployment] = resourcesOfType(pms, 'Custom::CDKBucketDeployment');
  const { DestinationBucketName, SourceObjectKeys, Prune, SystemMetadata } = deployment!.resource.Properties;
  assert.equal(DestinationBucketName.Ref, bucketBehind(originOf(config.DefaultCacheBehavior.TargetOriginId)));
  assert.deepEqual([Prune, SystemMetadata], [true, { 'cache-control': 'no-cache' }]);
  const assembly = pms.app.synth().directory;
  const staged = (SourceObjectKeys as string[]).map((key) => join(assembly, `asset.${key.replace(/\.zip$/, '')}`));
  assert.ok(existsSync(join(staged[0]!, 'index.html')) && existsSync(join(staged[0]!, 'static', 'js', 'main.1a2b3c4d.js')), 'the build');
  const script = readFileSync(join(staged[1]!, 'env-config.js'), 'utf8');
  assert.equal(script, portalEnvironmentScript());
  const window: { _env_?: Record<string, string> } = {};
  runInNewContext(script, { window });
  // The object comes from another realm: compare its JSON.
  assert.deepEqual(JSON.parse(JSON.stringify(window._env_)), {
    REACT_APP_PARTNER_MANAGER_API_BASE_URL: '/v1/partnermanager',
    REACT_APP_POLICY_MANAGER_API_BASE_URL: '/v1/policymanager',
  });
});

test('without portalBuild nothing of the hosting is synthesized', () => {
  const plain = synthesizePms();
  for (const type of ['Custom::CDKBucketDeployment', 'AWS::CloudFront::Distribution', 'AWS::CloudFront::OriginAccessControl', 'AWS::S3::Bucket']) {
    assert.equal(resourcesOfType(plain, type).length, 0, type);
  }
});

test('a portalBuild that is missing, not a directory, has no index.html or is not built fails the synth; portal settings need it', () => {
  const empty = mkdtempSync(join(tmpdir(), 'portal-empty-'));
  const unbuilt = portalBuildDirectory('<html><head><link rel="manifest" href="%PUBLIC_URL%/manifest.json" /></head></html>');
  const docker = portalBuildDirectory('<html><head><script src="_PUBLIC_URL_/env-config.js"></script></head></html>');
  temporary.push(empty, unbuilt, docker);
  const file = join(empty, 'build.zip');
  writeFileSync(file, '');
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ portalBuild: join(empty, 'no-such-build') }, /does not exist/],
    [{ portalBuild: file }, /is not a directory/],
    [{ portalBuild: empty }, /has no index\.html/],
    [{ portalBuild: unbuilt }, /still holds %PUBLIC_URL%/],
    [{ portalBuild: docker }, /still holds _PUBLIC_URL_/],
    [{ portalBuild: 42 }, /must be a directory path/],
    [{ portalDomainName: 'partners.example.org' }, /give -c portalBuild/],
    [{ portalBuild: build, portalDomainName: 'partners.example.org' }, /go together/],
    [{ portalBuild: build, portalDomainName: 'partners.example.org', portalCertificateArn: CERTIFICATE_ARN.replace('us-east-1', 'eu-central-1') }, /us-east-1/],
    [
      { portalBuild: build, portalWebAclArn: 'arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/x/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d' },
      /CLOUDFRONT-scope/,
    ],
  ];
  for (const [context, message] of cases) assert.throws(() => synthesizePms({ context }), message, JSON.stringify(context));
  assert.deepEqual(readdirSync(empty), ['build.zip'], 'nothing was written into the build directory');
});
