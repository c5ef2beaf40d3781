import type { Template } from 'aws-cdk-lib/assertions';
import { SCHEDULED_JOBS } from '../../functions/jobs/job-table.js';
import type { SynthesizedPms } from './synth.js';

/** A resource as it appears in a synthesized template. */
export interface CfnResource {
  Type: string;
  Properties: Record<string, any>;
  DeletionPolicy?: string;
}

export interface LocatedResource {
  stackId: string;
  logicalId: string;
  resource: CfnResource;
  template: Template;
}

/** The root template first, then the nested ones. */
export function templatesOf(pms: SynthesizedPms): [string, Template][] {
  return [['root', pms.root], ...pms.nested];
}

export function resourcesOfType(pms: SynthesizedPms, type: string): LocatedResource[] {
  return templatesOf(pms).flatMap(([stackId, template]) =>
    Object.entries(template.findResources(type) as Record<string, CfnResource>).map(([logicalId, resource]) => ({
      stackId,
      logicalId,
      resource,
      template,
    })),
  );
}

export function resourceCount(template: Template): number {
  return Object.keys((template.toJSON() as { Resources: object }).Resources).length;
}

function resourceIn(template: Template, logicalId: string): CfnResource {
  const resource = (template.toJSON() as { Resources: Record<string, CfnResource> }).Resources[logicalId];
  if (!resource) throw new Error(`no resource ${logicalId}`);
  return resource;
}

/** `{ Ref: id }` or `{ 'Fn::GetAtt': [id, attr] }` → id. */
export function referencedId(value: unknown): string {
  const ref = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  const id = ref.Ref ?? ref['Fn::GetAtt']?.[0];
  if (!id) throw new Error(`not a reference: ${JSON.stringify(value)}`);
  return id;
}

/** The Lambda function an HTTP API route invokes, through its integration. */
export function functionBehindRoute(route: LocatedResource): CfnResource {
  const target = route.resource.Properties.Target as { 'Fn::Join': [string, [string, unknown]] };
  const integration = resourceIn(route.template, referencedId(target['Fn::Join'][1][1]));
  return resourceIn(route.template, referencedId(integration.Properties.IntegrationUri));
}

/** Route functions carry `<operationId>: <summary>` as description. */
export function operationIdOf(fn: CfnResource): string {
  return String(fn.Properties.Description).split(':')[0]!;
}

export interface PolicyStatement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, unknown>;
}

/** Every statement of the identity policies attached to a function's role. */
export function statementsOfFunction(fn: LocatedResource): PolicyStatement[] {
  const roleId = referencedId(fn.resource.Properties.Role);
  return Object.values(fn.template.findResources('AWS::IAM::Policy') as Record<string, CfnResource>)
    .filter((policy) => (policy.Properties.Roles as unknown[]).some((role) => referencedId(role) === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as PolicyStatement[]);
}

/** A function's log writes: on its own log group only. */
export const LOG_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents'] as const;

/**
 * Lambda active tracing's grant on every PmsFunction role, exactly as CDK writes it: these two actions on `*`, as
 * X-Ray has no resource-level permissions. No other statement of ours names `*`.
 */
export const XRAY_STATEMENT: PolicyStatement = { Action: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], Effect: 'Allow', Resource: '*' };
export const XRAY_ACTIONS = XRAY_STATEMENT.Action as string[];

/** What every PmsFunction may do whatever else it does: write its logs and its trace segments. */
export const BASE_ACTIONS: readonly string[] = [...LOG_ACTIONS, ...XRAY_ACTIONS];

export function actionsOf(statements: PolicyStatement[]): string[] {
  return statements.flatMap((statement) => (Array.isArray(statement.Action) ? statement.Action : [statement.Action]));
}

/**
 * What the root stack resolves a nested stack's value to: nested stacks see the root's resources as parameters,
 * which the root fills in, so `{ Ref: parameter }` in a nested template → the root's logical id behind it.
 */
export function rootResourceBehind(pms: SynthesizedPms, nestedValue: unknown): string {
  const parameter = referencedId(nestedValue);
  const values = Object.values(pms.root.findResources('AWS::CloudFormation::Stack') as Record<string, CfnResource>)
    .map((stack) => (stack.Properties.Parameters as Record<string, unknown>)[parameter])
    .filter((value) => value !== undefined)
    .map(referencedId);
  const [first, ...rest] = values;
  if (!first || rest.some((value) => value !== first)) throw new Error(`parameter ${parameter} resolves to ${values.join(', ') || 'nothing'}`);
  return first;
}

/** The one root-stack function whose description starts with `prefix` (the authorizer, the relays). */
export function rootFunction(pms: SynthesizedPms, prefix: string): LocatedResource {
  const found = resourcesOfType(pms, 'AWS::Lambda::Function').filter(
    (fn) => fn.stackId === 'root' && String(fn.resource.Properties.Description).startsWith(prefix),
  );
  if (found.length !== 1) throw new Error(`expected one root function described "${prefix}…", found ${found.length}`);
  return found[0]!;
}

/**
 * PmsFunctions that serve no route in the default (Cognito) deployment: the authorizer, the two outbox relays (stream
 * and sweep), the PMS CA bootstrap, the device type seed, the user pool's pre-token-generation trigger and one per
 * scheduled job.
 */
export const PMS_FUNCTIONS_BESIDE_ROUTES = 6 + SCHEDULED_JOBS.length;

/** The custom resources, each behind its own CDK Provider framework function: the PMS CA and the device types. */
export const PROVIDER_FRAMEWORKS = 2;

/** Every function that serves no route: the PmsFunctions above and the Provider frameworks. */
export const FUNCTIONS_BESIDE_ROUTES = PMS_FUNCTIONS_BESIDE_ROUTES + PROVIDER_FRAMEWORKS;

/** The CDK custom-resource Provider framework's own function (CDK picks its runtime and code, not lib/pms-function.ts). */
export function isProviderFramework(fn: LocatedResource): boolean {
  return String(fn.resource.Properties.Description).startsWith('AWS CDK resource provider framework');
}

/** The Provider framework function that hands a custom resource's events to `onEvent`. */
export function providerFrameworkOf(pms: SynthesizedPms, onEvent: LocatedResource): LocatedResource {
  const found = resourcesOfType(pms, 'AWS::Lambda::Function').filter(
    (fn) => isProviderFramework(fn) && referencedId(fn.resource.Properties.Environment.Variables.USER_ON_EVENT_FUNCTION_ARN) === onEvent.logicalId,
  );
  if (found.length !== 1) throw new Error(`expected one Provider framework in front of ${onEvent.logicalId}, found ${found.length}`);
  return found[0]!;
}
