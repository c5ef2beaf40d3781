import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, type ILayerVersion, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { PMS_CA_KEY_ENV, type PmsCaKeyRole } from '../functions/adapters/signing/ca-keys.js';
import { PERSONAL_DATA_KEY_ENV, type PersonalDataUse } from '../functions/routes/personal-data-access.js';
import type { EsignetUse } from '../functions/routes/route.js';
import { loggingEnvironment, loggingFromContext } from './app-config.js';
import { filesBesideBundleOf, functionBundling } from './bundling.js';
import { grantTableAccess, type TableGrant } from './data.js';
import { type EsignetConfig, esignetEnvironment, grantEsignetSecretRead } from './esignet-deployment.js';
import { grantLoginClientSecretRead, type LoginClientSecret, loginClientSecretEnvironment } from './login-deployment.js';
import { grantPersonalDataUse, type PersonalDataKeys, personalDataKeysNeeded } from './personal-data-keys.js';
import { grantCaKeyUse } from './signing-keys.js';

export const FUNCTION_RUNTIME = Runtime.NODEJS_22_X;
export const FUNCTION_ARCHITECTURE = Architecture.ARM_64;
export const LOG_RETENTION = RetentionDays.ONE_YEAR;

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What a function may touch in the data layer; functions without it (the authorizer) get no data access at all. */
export interface FunctionDataAccess {
  table: ITableV2;
  access: TableGrant;
}

export interface FunctionPersonalData {
  keys: PersonalDataKeys;
  uses: readonly PersonalDataUse[];
}

export interface PmsFunctionProps {
  /** Entry file, relative to the repository root (as in the route table). */
  entry: string;
  description: string;
  runtimeLayer: ILayerVersion;
  data?: FunctionDataAccess;
  /** The PMS CA keys the function signs with, each named in its environment (PMS_CA_KEY_ENV); none by default. */
  caKeys?: Partial<Record<PmsCaKeyRole, IKey>>;
  /** What the function does with personal data: the keys its uses need, named in PERSONAL_DATA_KEY_ENV; none by default. */
  personalData?: FunctionPersonalData;
  /** The login client secret the function reads (it exchanges authorization codes), named in its environment; none by default. */
  loginClientSecret?: LoginClientSecret;
  /** eSignet's settings for a function that registers OIDC clients or reads whether they are on; none by default. */
  esignet?: { config: EsignetConfig; use: EsignetUse };
  environment?: Record<string, string>;
  /** 10 seconds unless given: an API operation answers well within API Gateway's limit; scheduled jobs take longer. */
  timeout?: Duration;
}

/** Why every function role may write X-Ray trace data on `*` (cdk-nag AwsSolutions-IAM5). */
export const XRAY_GRANT_REASON =
  'Lambda active tracing: the function sends its trace segments to X-Ray (xray:PutTraceSegments, ' +
  'xray:PutTelemetryRecords), which CDK grants with tracing on. X-Ray has no resource-level permissions for these ' +
  'actions, so `*` is the only resource IAM accepts; the grant reads nothing and reaches no PMS data.';

/**
 * One PMS Lambda: Node 22 on arm64, ESM bundle with the shared runtime layer, source maps, X-Ray active tracing, its
 * own log group with retention, and its own role holding exactly the grants it needs (no AWS managed policy). The log
 * level and debug sampling come from CDK context (`-c logLevel=…`, `-c debugLogSampleRate=…`, lib/app-config.ts).
 */
export class PmsFunction extends Construct {
  readonly lambda: NodejsFunction;

  constructor(scope: Construct, id: string, props: PmsFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: LOG_RETENTION });
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);

    this.lambda = new NodejsFunction(this, 'Function', {
      entry: join(REPO_ROOT, props.entry),
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      handler: 'handler',
      runtime: FUNCTION_RUNTIME,
      architecture: FUNCTION_ARCHITECTURE,
      memorySize: 512,
      timeout: props.timeout ?? Duration.seconds(10),
      description: props.description.slice(0, 256),
      role,
      logGroup,
      layers: [props.runtimeLayer],
      // Each invocation's segment (init, invocation, overhead) in X-Ray; no SDK subsegments (no Powertools Tracer).
      tracing: Tracing.ACTIVE,
      bundling: functionBundling(filesBesideBundleOf(props.entry)),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        ...loggingEnvironment(loggingFromContext(this.node)),
        ...(props.data && { TABLE_NAME: props.data.table.tableName }),
        ...Object.fromEntries(caKeysOf(props).map(([role, key]) => [PMS_CA_KEY_ENV[role], key.keyArn])),
        ...personalDataEnvironment(props.personalData),
        ...(props.loginClientSecret && loginClientSecretEnvironment(props.loginClientSecret)),
        ...(props.esignet && esignetEnvironment(props.esignet.config, props.esignet.use)),
        ...props.environment,
      },
    });

    if (props.data) {
      // Events reach the bus only through the outbox relay, so no operation needs events:PutEvents.
      grantTableAccess(role, props.data.table, props.data.access);
    }
    for (const [, key] of caKeysOf(props)) grantCaKeyUse(role, key);
    if (props.personalData) grantPersonalDataUse(role, props.personalData.keys, props.personalData.uses);
    if (props.loginClientSecret) grantLoginClientSecretRead(role, props.loginClientSecret);
    if (props.esignet?.use === 'registers') grantEsignetSecretRead(role, props.esignet.config);
    Validations.of(role).acknowledge({ id: 'AwsSolutions-IAM5[Resource::*]', reason: XRAY_GRANT_REASON });
    Validations.of(this.lambda).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is the pinned Lambda runtime (docs/deploy.md): code and dependencies are tested on the Node 20/22 ' +
        'line, and nodejs22.x is supported by Lambda until 2027-04-30. Moving to nodejs24.x is a deliberate upgrade.',
    });
  }
}

function caKeysOf(props: PmsFunctionProps): [PmsCaKeyRole, IKey][] {
  return Object.entries(props.caKeys ?? {}) as [PmsCaKeyRole, IKey][];
}

function personalDataEnvironment(personalData: FunctionPersonalData | undefined): Record<string, string> {
  if (!personalData) return {};
  return Object.fromEntries(personalDataKeysNeeded(personalData.uses).map((kind) => [PERSONAL_DATA_KEY_ENV[kind], personalData.keys.keyOf(kind).keyArn]));
}
