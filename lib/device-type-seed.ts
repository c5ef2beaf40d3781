import { createHash } from 'node:crypto';
import { CustomResource } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ILayerVersion } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { deviceTypeKeys } from '../functions/adapters/dynamodb/keys.js';
import { DEVICE_TYPE_MASTER_DATA } from '../functions/device-type-seed/master-data.js';
import { exactProvider } from './custom-resource-provider.js';
import { PmsFunction } from './pms-function.js';

export interface DeviceTypeSeedProps {
  table: TableV2;
  runtimeLayer: ILayerVersion;
}

/**
 * Stores the shipped device types and subtypes (functions/device-type-seed/master-data.ts) during the deploy, once the
 * table exists. Rows already stored, edited or not, are left alone.
 */
export class DeviceTypeSeed extends Construct {
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: DeviceTypeSeedProps) {
    super(scope, id);
    const { table } = props;
    const seed = new PmsFunction(this, 'Handler', {
      entry: 'functions/device-type-seed/handler.ts',
      description: 'Stores the shipped device type master data (CloudFormation custom resource)',
      runtimeLayer: props.runtimeLayer,
      environment: { TABLE_NAME: table.tableName },
    });
    // Conditional puts only (attribute_not_exists), and only in the master data's own partition.
    seed.lambda.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:PutItem'],
        resources: [table.tableArn],
        conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [deviceTypeKeys.partition] } },
      }),
    );

    this.resource = new CustomResource(this, 'DeviceTypes', {
      serviceToken: exactProvider(this, seed).serviceToken,
      resourceType: 'Custom::DeviceTypes',
      // CloudFormation re-runs the resource only when its properties change: a release that ships other rows does.
      properties: { MasterDataSha256: createHash('sha256').update(JSON.stringify(DEVICE_TYPE_MASTER_DATA)).digest('hex') },
    });
    this.resource.node.addDependency(table);
  }
}
