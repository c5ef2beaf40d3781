import { CfnOutput, DefaultStackSynthesizer, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { SingletonFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { SERVICE_PREFIXES } from '../functions/routes/route.js';
import { LOG_RETENTION } from './pms-function.js';
import type { PortalConfig } from './portal-context.js';

/**
 * The wildcard grants CDK's BucketDeployment gives its function's role, as cdk-nag names them: read on the CDK asset
 * bucket (bootstrap qualifier as `cdk deploy` uses it) and read-write on the objects of the portal bucket.
 */
function bucketDeploymentGrants(scope: Construct, files: Bucket): string[] {
  const qualifier: string = scope.node.tryGetContext('@aws-cdk/core:bootstrapQualifier') ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  const filesId: string = Stack.of(scope).resolve((files.node.defaultChild as CfnBucket).logicalId);
  return [
    'Action::s3:GetBucket*',
    'Action::s3:GetObject*',
    'Action::s3:List*',
    'Action::s3:Abort*',
    'Action::s3:DeleteObject*',
    `Resource::arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-<AWS::AccountId>-<AWS::Region>/*`,
    `Resource::<${filesId}.Arn>/*`,
  ];
}

/** Every API path; the rest of the origin is the portal. */
const API_PATH_PATTERN = '/v1/*';

/**
 * What MOSIP's built portal needs (React, create-react-app 5): its scripts are files (env-config.js and the bundle;
 * CRA 5 inlines no runtime chunk) and its API calls, i18n files and images come from this origin or data: URLs.
 * Inline styles stay allowed: React sets style attributes and the portal renders server-sent HTML messages.
 */
export const PORTAL_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * A request for a path without a file extension is one of the portal's routes: answer with the app. Only the S3
 * behaviour runs it; CloudFront's error responses would apply to the whole distribution and turn the API's 403 and
 * 404 envelopes into the portal's index.html.
 */
const SPA_FALLBACK = `function handler(event) {
  var request = event.request;
  if (!/\\.[A-Za-z0-9]+$/.test(request.uri)) request.uri = '/index.html';
  return request;
}`;

export interface PortalHostingProps extends PortalConfig {
  httpApi: IHttpApi;
}

/**
 * MOSIP's partner portal and the API on one origin, as MOSIP serves them (its nginx proxies /v1/partnermanager): a
 * private bucket read through Origin Access Control for the portal, the HTTP API for /v1/*. The login's Authorization
 * cookie is then a first-party cookie of the portal's own origin.
 */
export class PortalHosting extends Construct {
  readonly distribution: Distribution;
  /** `https://<domain>`: the custom domain, else CloudFront's. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: PortalHostingProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const logs = new Bucket(this, 'Logs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // CloudFront's standard logs are delivered through a bucket ACL.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(LOG_RETENTION) }],
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the log bucket itself: it receives the portal bucket’s server access logs and CloudFront’s access logs. ' +
        'Logging its own accesses into itself would log every log delivery, without end.',
    });
    const files = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
    });

    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'PMS portal and API: HSTS, nosniff, no framing, no cross-origin referrer, CSP for the portal',
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        contentSecurityPolicy: { contentSecurityPolicy: PORTAL_CONTENT_SECURITY_POLICY, override: true },
      },
    });
    const spaFallback = new EdgeFunction(this, 'SpaFallback', {
      code: FunctionCode.fromInline(SPA_FALLBACK),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Portal routes without a file extension are answered with index.html',
    });
    const apiOrigin = new HttpOrigin(`${props.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'MOSIP partner portal and PMS API on one origin',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(files),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [{ function: spaFallback, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        [API_PATH_PATTERN]: {
          origin: apiOrigin,
          // A POST redirected to https would come back as a GET without its body: refuse plain http instead.
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Cookies, query strings and headers (Authorization among them) reach the API; Host stays API Gateway's.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
        },
      },
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      ...(props.domain && {
        domainNames: [props.domain.name],
        certificate: Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn),
        minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      }),
      ...(props.webAclArn && { webAclId: props.webAclArn }),
    });
    this.acknowledgeEdgeFindings(props);
    this.url = `https://${props.domain?.name ?? this.distribution.distributionDomainName}`;

    this.deployBuild(props.buildDirectory, files);
    new CfnOutput(stack, 'PortalUrl', { value: this.url });
  }

  /**
   * Copies the build and our env-config.js into the bucket on every deploy that changes them (deleting files a new
   * build no longer has). Every file is served `no-cache`: the caching policy's minimum TTL (1 s) then bounds how long
   * an edge serves an old file, so no invalidation, and no CloudFront permission, is needed.
   */
  private deployBuild(buildDirectory: string, files: Bucket): void {
    const logGroup = new LogGroup(this, 'DeploymentLogs', { retention: LOG_RETENTION });
    const role = new Role(this, 'DeploymentRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    const deployment = new BucketDeployment(this, 'Deployment', {
      sources: [Source.asset(buildDirectory), Source.data('env-config.js', portalEnvironmentScript())],
      destinationBucket: files,
      cacheControl: [CacheControl.noCache()],
      // Nothing reads the staged keys back; the answer stays within CloudFormation's 4 KB for any build.
      outputObjectKeys: false,
      role,
      logGroup,
    });
    const reason =
      "CDK's BucketDeployment grants its deploy-time copy function (run by CloudFormation only) read on the CDK asset " +
      'bucket, where the zipped build is staged under a hashed key, and read-write on the portal bucket’s objects, ' +
      'whose names come from the build. No other bucket, and no CloudFront or KMS action, is granted.';
    for (const finding of bucketDeploymentGrants(this, files)) Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    // The handler is a singleton function at stack level; its permissions node is that function's.
    const handler = deployment.node.findChild('CustomResourceHandler') as SingletonFunction;
    Validations.of(handler.permissionsNode.defaultChild!).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        "The function is CDK's BucketDeployment handler (Python, with the AWS CLI layer), whose runtime CDK pins with " +
        'its code; it runs only while CloudFormation deploys the portal. It moves to a newer runtime with aws-cdk-lib.',
    });
  }

  private acknowledgeEdgeFindings(props: PortalHostingProps): void {
    const findings = [
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: MOSIP partners (device and biometric vendors, banks, print and ABIS providers) sign in ' +
          'from many countries; an operator who wants one adds it to the distribution or to a WAF web ACL.',
      },
      ...(props.webAclArn
        ? []
        : [
            {
              id: 'AwsSolutions-CFR2',
              reason:
                'No WAF web ACL given (-c portalWebAclArn=…): a CLOUDFRONT-scope web ACL lives in us-east-1, outside ' +
                'this stack’s region; the API behind it authorizes every call and throttles per route (lib/api.ts).',
            },
          ]),
      ...(props.domain
        ? []
        : [
            {
              id: 'AwsSolutions-CFR4',
              reason:
                'No custom domain given (-c portalDomainName=… -c portalCertificateArn=…), so the distribution uses ' +
                "CloudFront's default *.cloudfront.net certificate, whose minimum protocol version cannot be set. " +
                'With a custom domain the viewer policy is TLSv1.2_2021.',
            },
          ]),
    ];
    for (const finding of findings) Validations.of(this.distribution).acknowledge(finding);
  }
}

/** MOSIP's runtime settings file (pmp-ui-v2's env-config.js): both services on the portal's own origin. */
export function portalEnvironmentScript(): string {
  const settings = {
    REACT_APP_PARTNER_MANAGER_API_BASE_URL: SERVICE_PREFIXES.partnermanager,
    REACT_APP_POLICY_MANAGER_API_BASE_URL: SERVICE_PREFIXES.policymanager,
  };
  return `window._env_ = ${JSON.stringify(settings, null, 2)};\n`;
}
