import { NestedStack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { Route } from '../functions/routes/route.js';
import { type EndpointResources, OperationEndpoint } from './operation-endpoint.js';

export interface DomainStackProps extends EndpointResources {
  routes: readonly Route[];
}

/** A nested stack holding the endpoints of part of one domain (lib/route-stacks.ts decides which part). */
export class DomainStack extends NestedStack {
  readonly endpoints: OperationEndpoint[];

  constructor(scope: Construct, id: string, props: DomainStackProps) {
    const { routes, ...resources } = props;
    super(scope, id, { description: 'PMS API operations: one Lambda function and one HTTP API route each' });
    this.endpoints = routes.map((route) => new OperationEndpoint(this, route.operationId, { route, ...resources }));
  }
}
