import { CustomResource } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant } from 'aws-cdk-lib/aws-iam';
import type { ILayerVersion } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { PmsCaResourceData } from '../functions/ca-bootstrap/pms-ca-resource.js';
import { exactProvider } from './custom-resource-provider.js';
import { PmsFunction } from './pms-function.js';
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

    const provider = exactProvider(this, bootstrap);
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
