import { Duration, Stack } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';

/** Where MOSIP's WebSub partner topics land. */
export const PARTNER_EVENT_BUS_NAME = 'pms-partner-events';

/** The partner event bus, with an archive so downstream systems (IDA, datashare) can replay what they missed. */
export class PartnerEvents extends Construct {
  readonly bus: EventBus;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus', { eventBusName: PARTNER_EVENT_BUS_NAME });
    this.bus.archive('Archive', {
      description: 'Every partner event published by PMS, kept for replay',
      eventPattern: { account: [Stack.of(this).account] },
      retention: Duration.days(365),
    });
  }
}
