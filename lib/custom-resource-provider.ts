import { type IRole, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Provider } from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import { LOG_RETENTION, type PmsFunction } from './pms-function.js';

/**
 * The Provider framework in front of a custom resource's onEvent function, with its own log group and a role of exact
 * grants: it invokes that function and reads its state, and writes its own logs. The role is given to the Provider
 * immutable, so the framework's own grants (which add `<function>:*` for every version, an IAM5 wildcard) are not
 * added to it.
 */
export function exactProvider(scope: Construct, onEvent: PmsFunction): Provider {
  const logs = new LogGroup(scope, 'ProviderLogs', { retention: LOG_RETENTION });
  return new Provider(scope, 'Provider', { onEventHandler: onEvent.lambda, frameworkOnEventRole: providerRole(scope, onEvent, logs), logGroup: logs });
}

function providerRole(scope: Construct, onEvent: PmsFunction, logs: LogGroup): IRole {
  const role = new Role(scope, 'ProviderRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
  role.addToPolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction', 'lambda:GetFunction'], resources: [onEvent.lambda.functionArn] }));
  logs.grantWrite(role);
  return role.withoutPolicyUpdates();
}
