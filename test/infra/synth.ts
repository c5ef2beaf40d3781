import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { ScheduledJobDefinition } from '../../functions/jobs/scheduled-job.js';
import type { Route } from '../../functions/routes/route.js';
import { addPmsStack } from '../../lib/pms-app.js';
import type { PmsStack } from '../../lib/pms-stack.js';

const CDK_JSON_CONTEXT = (JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Record<string, unknown> }).context;

export interface SynthesizedPms {
  app: App;
  stack: PmsStack;
  root: Template;
  /** Nested stack templates by construct id, e.g. `PolicyRoutes1`. */
  nested: Map<string, Template>;
}

/**
 * The app `cdk synth` builds (same wiring, cdk.json's context and feature flags, cdk-nag registered), minus two slow
 * steps `npm run synth` still runs: esbuild (`aws:cdk:bundling-stacks: []` skips every bundling, an esbuild run
 * per function) and CDK's built-in CloudFormation schema validation (seconds of WebAssembly start-up per synth).
 */
export function synthesizePms(
  options: { routes?: readonly Route[]; jobs?: readonly ScheduledJobDefinition[]; context?: Record<string, unknown> } = {},
): SynthesizedPms {
  const app = new App({
    builtinCloudFormationValidation: false,
    context: { ...CDK_JSON_CONTEXT, ...options.context, 'aws:cdk:bundling-stacks': [] },
  });
  const stack = addPmsStack(app, options);
  const root = Template.fromStack(stack);
  const nested = new Map(stack.domainStacks.map((domainStack) => [domainStack.node.id, Template.fromStack(domainStack)]));
  return { app, stack, root, nested };
}
