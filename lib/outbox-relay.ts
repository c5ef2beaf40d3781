import { Duration } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Grant } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, type ILayerVersion, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { TABLE_SCHEMA } from '../functions/adapters/dynamodb/table-schema.js';
import { PmsFunction } from './pms-function.js';

export interface OutboxRelayProps {
  table: TableV2;
  events: IEventBus;
  runtimeLayer: ILayerVersion;
}

/**
 * Forwards events committed to the table's outbox to the partner-event bus: at once from the table stream, and
 * every few minutes from a sweep that re-sends whatever a failed stream batch left behind.
 */
export class OutboxRelay extends Construct {
  constructor(scope: Construct, id: string, props: OutboxRelayProps) {
    super(scope, id);
    const environment = { TABLE_NAME: props.table.tableName, EVENT_BUS_NAME: props.events.eventBusName };

    const streamRelay = new PmsFunction(this, 'StreamRelay', {
      entry: 'functions/relay/outbox-stream-handler.ts',
      description: 'Relays outbox events from the table stream to the partner-event bus',
      runtimeLayer: props.runtimeLayer,
      environment,
    });
    streamRelay.lambda.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        bisectBatchOnError: true,
        retryAttempts: 5,
        filters: [
          FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT'), dynamodb: { NewImage: { entity: { S: FilterRule.isEqual('OutboxEvent') } } } }),
        ],
      }),
    );

    const sweep = new PmsFunction(this, 'Sweep', {
      entry: 'functions/relay/outbox-sweep-handler.ts',
      description: 'Re-sends outbox events a failed stream batch left behind',
      runtimeLayer: props.runtimeLayer,
      environment,
    });
    new Rule(this, 'SweepSchedule', { schedule: Schedule.rate(Duration.minutes(5)), targets: [new LambdaFunction(sweep.lambda)] });

    for (const relay of [streamRelay, sweep]) {
      props.events.grantPutEventsTo(relay.lambda);
      // Removing a relayed event is the only write; the sweep finds pending events through gsi1.
      Grant.addToPrincipal({
        grantee: relay.lambda,
        actions: ['dynamodb:DeleteItem', 'dynamodb:Query'],
        resourceArns: [props.table.tableArn, `${props.table.tableArn}/index/${TABLE_SCHEMA.indexes[0].name}`],
      });
    }
  }
}
