import { CustomResource } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IRole, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { ILayerVersion } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { PmsCaResourceData } from '../functions/ca-bootstrap/pms-ca-resource.js';
import { LOG_RETENTION, PmsFunction } from './pms-function.js';
import type { SigningKeys } from './signing-keys.js';

export interface PmsCaBootstrapProps {
  table: TableV2;
  keys: SigningKeys;
  runtimeLayer: ILayerVersion;
}

/**
 * Creates the PMS CA hierarchy (ROOT and ISSUING certificates, functions/domain/certificates/pms-ca.ts) during the
 * deploy, once the table exists, so no certificate request has to. The only function that may sign with the root key.
 */
export class PmsCaBootstrap extends Construct {
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: PmsCaBootstrapProps) {
    super(scope, id);
    const { table, keys } = props;
    const bootstrap = new PmsFunction(this, 'Handler', {
      entry: 'functions/ca-bootstrap/handler.ts',
      description: 'Creates the PMS ROOT and ISSUING CA certificates (CloudFormation custom resource)',
      runtimeLayer: props.runtimeLayer,
      caKeys: { root: keys.rootCa, issuing: keys.issuingCa },
      environment: { TABLE_NAME: table.tableName },
    });
    // One item, read and written by a conditional put (functions/adapters/dynamodb/pms-ca-store.ts).
    Grant.addToPrincipal({ grantee: bootstrap.lambda, actions: ['dynamodb:GetItem', 'dynamodb:PutItem'], resourceArns: [table.tableArn] });

    const providerLogs = new LogGroup(this, 'ProviderLogs', { retention: LOG_RETENTION });
    const provider = new Provider(this, 'Provider', {
      onEventHandler: bootstrap.lambda,
      frameworkOnEventRole: providerRole(this, bootstrap, providerLogs),
      logGroup: providerLogs,
    });
    this.resource = new CustomResource(this, 'PmsCa', {
      serviceToken: provider.serviceToken,
      resourceType: 'Custom::PmsCa',
      // CloudFormation re-runs the resource only when its properties change: a replaced key is then checked at once.
      properties: { RootCaKeyArn: keys.rootCa.keyArn, IssuingCaKeyArn: keys.issuingCa.keyArn },
    });
    this.resource.node.addDependency(table);
  }

  /** SHA-256 of a CA certificate's DER, as the custom resource reports it. */
  thumbprint(attribute: keyof PmsCaResourceData): string {
    return this.resource.getAttString(attribute);
  }
}

/**
 * The Provider framework function's role, with exact grants: it invokes the bootstrap function and reads its state,
 * and writes its own logs. Given to the Provider immutable, so the framework's own grants (which add `<function>:*`
 * for every version, an IAM5 wildcard) are not added to it.
 */
function providerRole(scope: Construct, bootstrap: PmsFunction, logs: LogGroup): IRole {
  const role = new Role(scope, 'ProviderRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
  role.addToPolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction', 'lambda:GetFunction'], resources: [bootstrap.lambda.functionArn] }));
  logs.grantWrite(role);
  return role.withoutPolicyUpdates();
}
