import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type IssuerConfig, parseIssuers } from '../../functions/auth/issuers.js';
import { MACHINE_SCOPE_SERVER, PMS_ROLES } from '../../functions/auth/roles.js';
import { IDA_SCOPE } from '../../lib/identity.js';
import { KEYCLOAK_CONTEXT } from './identity-context.js';
import { type SynthesizedPms, synthesizePms } from './synth.js';
import { resourcesOfType, rootFunction } from './template-queries.js';

/** The authorizer's PMS_TOKEN_ISSUERS with every CloudFormation reference replaced by `<logicalId>`, parsed as the authorizer parses it. */
function tokenIssuersOf(pms: SynthesizedPms): IssuerConfig[] {
  const value = rootFunction(pms, 'Verifies').resource.Properties.Environment.Variables.PMS_TOKEN_ISSUERS as string | { 'Fn::Join': [string, unknown[]] };
  const json =
    typeof value === 'string' ? value : value['Fn::Join'][1].map((part) => (typeof part === 'string' ? part : `<${(part as { Ref: string }).Ref}>`)).join('');
  return parseIssuers(json);
}

const cognito = synthesizePms();

test('Cognito (default): the authorizer trusts the user pool for the portal and IDA clients only', () => {
  const pms = cognito;
  const [pool] = resourcesOfType(pms, 'AWS::Cognito::UserPool');
  const clients = resourcesOfType(pms, 'AWS::Cognito::UserPoolClient');
  assert.deepEqual(tokenIssuersOf(pms), [
    {
      flavor: 'cognito',
      issuer: `https://cognito-idp.<AWS::Region>.<AWS::URLSuffix>/<${pool!.logicalId}>`,
      clientIds: clients.map((client) => `<${client.logicalId}>`),
    },
  ]);
});

test('Cognito: self sign-up with verified e-mail, TOTP MFA, strong passwords, threat protection', () => {
  const [pool] = resourcesOfType(cognito, 'AWS::Cognito::UserPool');
  const { AdminCreateUserConfig, AutoVerifiedAttributes, MfaConfiguration, EnabledMfas, Policies, UserPoolTier, UserPoolAddOns } = pool!.resource.Properties;
  assert.equal(AdminCreateUserConfig.AllowAdminCreateUserOnly, false);
  assert.deepEqual(AutoVerifiedAttributes, ['email']);
  assert.deepEqual([MfaConfiguration, EnabledMfas], ['ON', ['SOFTWARE_TOKEN_MFA']]);
  assert.ok(Policies.PasswordPolicy.MinimumLength >= 12);
  assert.deepEqual([UserPoolTier, UserPoolAddOns.AdvancedSecurityMode], ['PLUS', 'ENFORCED']);
});

test('Cognito: one group per PMS role, named as MOSIP names the role', () => {
  const groups = resourcesOfType(cognito, 'AWS::Cognito::UserPoolGroup').map((group) => group.resource.Properties.GroupName);
  assert.deepEqual(groups.sort(), [...PMS_ROLES].sort());
});

test('Cognito: the portal signs users in with the code flow and no secret; IDA gets only client credentials for its scope', () => {
  const clients = resourcesOfType(cognito, 'AWS::Cognito::UserPoolClient').map((client) => client.resource.Properties);
  const portal = clients.find((client) => client.GenerateSecret === false)!;
  const ida = clients.find((client) => client.GenerateSecret === true)!;
  assert.deepEqual(portal.AllowedOAuthFlows, ['code']);
  assert.deepEqual(ida.AllowedOAuthFlows, ['client_credentials']);
  assert.deepEqual(ida.AllowedOAuthScopes, [{ 'Fn::Join': ['', [ida.AllowedOAuthScopes[0]['Fn::Join'][1][0], `/${IDA_SCOPE}`]] }]);
  assert.equal(ida.ExplicitAuthFlows, undefined);
  const [server] = resourcesOfType(cognito, 'AWS::Cognito::UserPoolResourceServer');
  assert.equal(server!.resource.Properties.Identifier, MACHINE_SCOPE_SERVER);
});

test('Keycloak: no user pool; the authorizer trusts the realm for the PMS audience', () => {
  const pms = synthesizePms({ context: KEYCLOAK_CONTEXT });
  assert.equal(resourcesOfType(pms, 'AWS::Cognito::UserPool').length, 0);
  assert.deepEqual(tokenIssuersOf(pms), [{ flavor: 'keycloak', issuer: KEYCLOAK_CONTEXT.keycloakIssuer, audience: KEYCLOAK_CONTEXT.keycloakAudience }]);
});

test('Keycloak settings the authorizer would reject fail the synth', () => {
  const bad = [
    { keycloakAudience: 'account' },
    { keycloakAudience: undefined },
    { keycloakIssuer: 'http://iam.example.org/realms/mosip' },
    { keycloakIssuer: 'https://iam.example.org/realms/mosip/' },
    { identity: 'ldap' },
  ];
  for (const override of bad) {
    assert.throws(() => synthesizePms({ context: { ...KEYCLOAK_CONTEXT, ...override } }), /keycloak|identity/i, JSON.stringify(override));
  }
});
