import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Validations } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { ROUTES } from '../../functions/routes/route-table.js';
import { KEYCLOAK_CONTEXT } from './identity-context.js';
import { synthesizePms } from './synth.js';
import { PMS_FUNCTIONS_BESIDE_ROUTES } from './template-queries.js';

function unacknowledgedFindings(root: IConstruct): string[] {
  return new AwsSolutionsChecks()
    .validateScope(root)
    .violations.flatMap((violation) => violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`));
}

/** Rule ids acknowledged anywhere in the tree, each with the construct paths carrying it. */
function acknowledgements(root: IConstruct): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [key, reason] of Object.entries(entry.data as Record<string, string>)) {
        const id = key.replace(/^annotation::/i, '');
        assert.ok(reason.length >= 80, `acknowledgement ${id} at ${construct.node.path} needs a real reason`);
        found.set(id, [...(found.get(id) ?? []), construct.node.path]);
      }
    }
  }
  return found;
}

const cognito = synthesizePms();

test('cdk-nag AwsSolutions finds nothing unacknowledged (Cognito)', () => {
  assert.deepEqual(unacknowledgedFindings(cognito.app), []);
});

test('cdk-nag AwsSolutions finds nothing unacknowledged (Keycloak)', () => {
  const { app } = synthesizePms({ context: KEYCLOAK_CONTEXT });
  assert.deepEqual(unacknowledgedFindings(app), []);
});

test("acknowledgements are per construct: Node 22 and X-Ray's `*` on each function, no authorization only on PUBLIC routes, SQS3 on the jobs' DLQ only", () => {
  const { app, stack } = cognito;
  const acknowledged = acknowledgements(app);
  assert.deepEqual([...acknowledged.keys()].sort(), ['AwsSolutions-APIG4', 'AwsSolutions-IAM5[Resource::*]', 'AwsSolutions-L1', 'AwsSolutions-SQS3']);
  // Only on PmsFunction roles, one per function (iam.test.ts holds each role's `*` to the X-Ray grant alone).
  const xray = acknowledged.get('AwsSolutions-IAM5[Resource::*]')!;
  assert.equal(xray.length, ROUTES.length + PMS_FUNCTIONS_BESIDE_ROUTES);
  assert.ok(
    xray.every((path) => path.endsWith('/Role')),
    xray.filter((path) => !path.endsWith('/Role')).join(', '),
  );
  assert.deepEqual(acknowledged.get('AwsSolutions-SQS3'), ['Pms/Jobs/DeadLetters']);
  const publicRoutes = ROUTES.filter((route) => route.access === 'PUBLIC')
    .map((route) => route.operationId)
    .sort();
  assert.deepEqual(
    acknowledged
      .get('AwsSolutions-APIG4')!
      .map((path) => path.split('/').at(-2))
      .sort(),
    publicRoutes,
  );
  assert.equal(acknowledged.get('AwsSolutions-L1')!.length, ROUTES.length + PMS_FUNCTIONS_BESIDE_ROUTES);
  assert.ok(!acknowledged.get('AwsSolutions-L1')!.includes(stack.node.path));
});

test('synth fails on a finding nobody acknowledged', () => {
  const { app, stack } = synthesizePms();
  // A symmetric key without rotation: AwsSolutions-KMS5.
  new Key(stack, 'UnrotatedKey');
  assert.deepEqual(unacknowledgedFindings(app), ['AwsSolutions-KMS5 at Pms/UnrotatedKey/Resource']);
  assert.throws(() => app.synth({ force: true }), /Validation failed/);
});
