/* The Cognito user pool carries MOSIP's profile attributes and a V2_0 pre-token-generation trigger that puts them in tokens. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KEYCLOAK_CONTEXT } from './identity-context.js';
import { synthesizePms } from './synth.js';
import { actionsOf, BASE_ACTIONS, referencedId, resourcesOfType, rootFunction, statementsOfFunction } from './template-queries.js';

const TRIGGER = 'Cognito pre-token generation';
const pms = synthesizePms();
const [pool] = resourcesOfType(pms, 'AWS::Cognito::UserPool');

test('the trigger is attached as PreTokenGenerationConfig with event version V2_0, on a feature plan that allows it', () => {
  const { LambdaConfig, UserPoolTier } = pool!.resource.Properties;
  const trigger = rootFunction(pms, TRIGGER);
  assert.deepEqual(LambdaConfig, { PreTokenGenerationConfig: { LambdaArn: { 'Fn::GetAtt': [trigger.logicalId, 'Arn'] }, LambdaVersion: 'V2_0' } });
  // V2_0 (access-token claims) needs the Essentials or Plus feature plan.
  assert.ok(['ESSENTIALS', 'PLUS'].includes(UserPoolTier), UserPoolTier);
});

test('only this user pool may invoke the trigger', () => {
  const trigger = rootFunction(pms, TRIGGER);
  const permissions = resourcesOfType(pms, 'AWS::Lambda::Permission').filter(
    (permission) => permission.resource.Properties.FunctionName?.['Fn::GetAtt']?.[0] === trigger.logicalId,
  );
  assert.equal(permissions.length, 1);
  const { Principal, SourceArn } = permissions[0]!.resource.Properties;
  assert.equal(Principal, 'cognito-idp.amazonaws.com');
  assert.equal(referencedId(SourceArn), pool!.logicalId);
});

test('the trigger is a PMS function that writes its logs and traces and touches nothing else', () => {
  const trigger = rootFunction(pms, TRIGGER);
  assert.deepEqual(actionsOf(statementsOfFunction(trigger)).sort(), [...BASE_ACTIONS].sort());
  const { Runtime, Architectures, Environment } = trigger.resource.Properties;
  assert.deepEqual([Runtime, Architectures], ['nodejs22.x', ['arm64']]);
  assert.deepEqual(Object.keys(Environment.Variables), ['NODE_OPTIONS']);
});

test("the pool holds MOSIP's profile attributes as mutable custom attributes the trigger reads", () => {
  const custom = (pool!.resource.Properties.Schema as { Name: string; Mutable: boolean; AttributeDataType?: string }[]).filter(
    (attribute) => attribute.AttributeDataType === 'String',
  );
  assert.deepEqual(
    custom.map((attribute) => [attribute.Name, attribute.Mutable]),
    [
      ['organizationName', true],
      ['addressTest', true],
      ['partnerType', true],
      ['langCode', true],
    ],
  );
});

test('Keycloak: no user pool, so no trigger function', () => {
  const keycloak = synthesizePms({ context: KEYCLOAK_CONTEXT });
  const triggers = resourcesOfType(keycloak, 'AWS::Lambda::Function').filter((fn) => String(fn.resource.Properties.Description).startsWith(TRIGGER));
  assert.equal(triggers.length, 0);
});
