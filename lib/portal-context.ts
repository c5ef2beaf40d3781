import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Node } from 'constructs';

/** CDK context `portalBuild` and its companions: MOSIP's partner portal served on the API's origin. */
export interface PortalConfig {
  /** The portal's build directory (`npm run build` of pmp-ui-v2), index.html at its root. */
  buildDirectory: string;
  /** A custom domain and its ACM certificate (us-east-1); absent: CloudFront's domain and default certificate. */
  domain?: { name: string; certificateArn: string };
  /** A WAF web ACL (scope CLOUDFRONT, us-east-1) in front of the portal and the API. */
  webAclArn?: string;
}

const DOMAIN_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
// CloudFront takes certificates and web ACLs from us-east-1 only.
const CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/;
const WEB_ACL_ARN = /^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\/[\w-]{1,128}\/[0-9a-f-]{36}$/;
/** What MOSIP's index.html holds before a build (%PUBLIC_URL%) and in its Docker build until nginx starts (_PUBLIC_URL_). */
const UNBUILT_MARKERS = ['%PUBLIC_URL%', '_PUBLIC_URL_'];

/**
 * The portal to deploy from `-c portalBuild=/path/to/build` (with `portalDomainName` and `portalCertificateArn`, and
 * `portalWebAclArn`, optional); null without it, and then nothing of the hosting is synthesized. A directory that
 * is not a finished build fails the synth.
 */
export function portalFromContext(node: Node): PortalConfig | null {
  const build: unknown = node.tryGetContext('portalBuild');
  const domainName: unknown = node.tryGetContext('portalDomainName');
  const certificateArn: unknown = node.tryGetContext('portalCertificateArn');
  const webAclArn: unknown = node.tryGetContext('portalWebAclArn');
  if (build === undefined || build === '') {
    const stray = Object.entries({ portalDomainName: domainName, portalCertificateArn: certificateArn, portalWebAclArn: webAclArn }).find(
      ([, value]) => value !== undefined,
    );
    if (stray) throw new Error(`context "${stray[0]}" applies to the portal: give -c portalBuild=<build directory> too`);
    return null;
  }
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    throw new Error('context "portalDomainName" and "portalCertificateArn" go together: the certificate must cover the domain');
  }
  return {
    buildDirectory: buildDirectoryOf(build),
    ...(domainName !== undefined && {
      domain: {
        name: matching(domainName, 'portalDomainName', DOMAIN_NAME, 'a lower-case DNS name'),
        certificateArn: matching(certificateArn, 'portalCertificateArn', CERTIFICATE_ARN, 'the ARN of an ACM certificate in us-east-1'),
      },
    }),
    ...(webAclArn !== undefined && { webAclArn: matching(webAclArn, 'portalWebAclArn', WEB_ACL_ARN, 'the ARN of a CLOUDFRONT-scope WAF web ACL') }),
  };
}

function buildDirectoryOf(build: unknown): string {
  if (typeof build !== 'string') throw new Error(`context "portalBuild" must be a directory path, not ${JSON.stringify(build)}`);
  const directory = resolve(build);
  if (!existsSync(directory)) throw new Error(`context "portalBuild": ${directory} does not exist`);
  if (!statSync(directory).isDirectory()) throw new Error(`context "portalBuild": ${directory} is not a directory`);
  const index = join(directory, 'index.html');
  if (!existsSync(index) || !statSync(index).isFile()) {
    throw new Error(`context "portalBuild": ${directory} has no index.html; point it at the portal's build output (npm run build in pmp-ui-v2)`);
  }
  const marker = UNBUILT_MARKERS.find((candidate) => readFileSync(index, 'utf8').includes(candidate));
  if (marker) {
    throw new Error(
      `context "portalBuild": ${index} still holds ${marker}; build the portal with npm run build and PUBLIC_URL unset (it is served from the root)`,
    );
  }
  return directory;
}

function matching(value: unknown, key: string, pattern: RegExp, what: string): string {
  if (typeof value !== 'string' || !pattern.test(value)) throw new Error(`context "${key}" must be ${what}, not ${JSON.stringify(value)}`);
  return value;
}
