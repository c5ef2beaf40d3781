import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, type ITableV2, ProjectionType, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { TABLE_SCHEMA } from '../functions/adapters/dynamodb/table-schema.js';
import { leadingKeysOf, type TableAccess, tableActionsOf } from '../functions/routes/table-access.js';

/** What a function may do to the table; a function that touches no data gets no table at all. */
export type TableGrant = Exclude<TableAccess, 'none'>;

const stringAttribute = (name: string) => ({ name, type: AttributeType.STRING });

/** The single PMS table, keyed as TABLE_SCHEMA says. */
export class PmsTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new TableV2(this, 'Table', {
      partitionKey: stringAttribute(TABLE_SCHEMA.partitionKey),
      sortKey: stringAttribute(TABLE_SCHEMA.sortKey),
      timeToLiveAttribute: TABLE_SCHEMA.timeToLive,
      // The outbox relay reads committed events from the stream (functions/relay).
      dynamoStream: StreamViewType.NEW_IMAGE,
      globalSecondaryIndexes: TABLE_SCHEMA.indexes.map((index) => ({
        indexName: index.name,
        partitionKey: stringAttribute(index.partitionKey),
        sortKey: stringAttribute(index.sortKey),
        projectionType: ProjectionType.ALL,
      })),
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryptionV2.awsManagedKey(),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

/**
 * Grants table access on the table and its named indexes, never `index/*`: the ARNs are exact, so IAM5 has
 * nothing to flag and no statement needs an acknowledgement. An access confined to some partitions (the health
 * probe) is granted on the table alone, with those partitions as its only leading keys.
 */
export function grantTableAccess(grantee: IGrantable, table: ITableV2, access: TableGrant): Grant {
  const leadingKeys = leadingKeysOf(access);
  return Grant.addToPrincipal({
    grantee,
    actions: [...tableActionsOf(access)],
    resourceArns: leadingKeys ? [table.tableArn] : [table.tableArn, ...TABLE_SCHEMA.indexes.map((index) => `${table.tableArn}/index/${index.name}`)],
    ...(leadingKeys && { conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [...leadingKeys] } } }),
  });
}
