/* CDK context `login` reaches exactly the login rows, and only the row that exchanges codes may read the client secret. */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, test } from 'node:test';
import { type IssuerConfig, parseIssuers } from '../../functions/auth/issuers.js';
import { LOGIN_SETTINGS_ENV } from '../../functions/auth/login-settings.js';
import { KEYCLOAK_CONTEXT } from './identity-context.js';
import { KEYCLOAK_LOGIN_CONTEXT, LOGIN_SECRET_ARN, LOGIN_SECRET_KEY_ARN, portalBuildDirectory, routesWithLoginRows } from './login-fixtures.js';
import { type SynthesizedPms, synthesizePms } from './synth.js';
import {
  actionsOf,
  type CfnResource,
  type LocatedResource,
  operationIdOf,
  type PolicyStatement,
  referencedId,
  resourcesOfType,
  rootFunction,
  rootResourceBehind,
  statementsOfFunction,
} from './template-queries.js';

const routes = routesWithLoginRows();
const LOGIN_ROWS = routes.filter((route) => route.login).map((route) => route.operationId);
const CODE_EXCHANGE_ROW = 'syntheticLoginRedirect';
const LOGIN_VARIABLES = [...Object.values(LOGIN_SETTINGS_ENV), 'PMS_TOKEN_ISSUERS'];
const build = portalBuildDirectory();
after(() => rmSync(build, { recursive: true, force: true }));

function routeFunctions(pms: SynthesizedPms): LocatedResource[] {
  return resourcesOfType(pms, 'AWS::Lambda::Function').filter((fn) => fn.stackId !== 'root');
}

function variablesOf(fn: LocatedResource): Record<string, unknown> {
  return fn.resource.Properties.Environment.Variables;
}

function routeFunction(pms: SynthesizedPms, operationId: string): LocatedResource {
  const found = routeFunctions(pms).find((fn) => operationIdOf(fn.resource) === operationId);
  assert.ok(found, operationId);
  return found;
}

/** Statements about the login secret: any Secrets Manager action, or KMS use of its key or for a secret. */
function secretStatements(statements: PolicyStatement[]): PolicyStatement[] {
  return statements.filter(
    (statement) =>
      actionsOf([statement]).some((action) => action.startsWith('secretsmanager:')) ||
      JSON.stringify(statement).includes(LOGIN_SECRET_KEY_ARN) ||
      JSON.stringify(statement).includes('kms:EncryptionContext:SecretARN'),
  );
}

/**
 * A template value as text, each reference written `<logical id>` (`<id.Attribute>` for GetAtt) of the root stack:
 * a nested stack's parameters are replaced by what the root passes.
 */
function rootValue(pms: SynthesizedPms, value: unknown, nested = true): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join) return join[1].map((part) => rootValue(pms, part, nested)).join(join[0]);
  const { Ref: ref, 'Fn::GetAtt': getAtt } = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  if (ref?.startsWith('AWS::')) return `<${ref}>`;
  if (!nested) return getAtt ? `<${getAtt[0]}.${getAtt[1]}>` : `<${ref}>`;
  const parameter = rootParameterValue(pms, value);
  return rootValue(pms, parameter, false);
}

/** What the root passes to the nested stacks' parameter `{ Ref: parameter }`. */
function rootParameterValue(pms: SynthesizedPms, value: unknown): unknown {
  const parameter = referencedId(value);
  const passed = Object.values(pms.root.findResources('AWS::CloudFormation::Stack') as Record<string, CfnResource>)
    .map((stack) => (stack.Properties.Parameters as Record<string, unknown>)[parameter])
    .find((candidate) => candidate !== undefined);
  assert.ok(passed, `no root value for parameter ${parameter}`);
  return passed;
}

test('Keycloak: the login rows get the settings, their token issuers and nothing else; other rows get none', () => {
  const pms = synthesizePms({ routes, context: KEYCLOAK_LOGIN_CONTEXT });
  const { login } = KEYCLOAK_LOGIN_CONTEXT;
  for (const operationId of LOGIN_ROWS) {
    const variables = variablesOf(routeFunction(pms, operationId));
    assert.deepEqual(
      {
        issuer: variables[LOGIN_SETTINGS_ENV.issuer],
        clientId: variables[LOGIN_SETTINGS_ENV.clientId],
        allowedUrls: variables[LOGIN_SETTINGS_ENV.allowedUrls],
        publicUrl: variables[LOGIN_SETTINGS_ENV.publicUrl],
        scope: variables[LOGIN_SETTINGS_ENV.scope],
        localSecret: variables[LOGIN_SETTINGS_ENV.clientSecret],
      },
      {
        issuer: KEYCLOAK_CONTEXT.keycloakIssuer,
        clientId: login.clientId,
        allowedUrls: login.allowedUrls.join(','),
        publicUrl: login.publicUrl,
        scope: login.scope,
        localSecret: undefined,
      },
      operationId,
    );
    // The login verifies the token it got before handing it out, with the authorizer's own issuers.
    assert.deepEqual(parseIssuers(String(variables.PMS_TOKEN_ISSUERS)), [
      { flavor: 'keycloak', issuer: KEYCLOAK_CONTEXT.keycloakIssuer, audience: KEYCLOAK_CONTEXT.keycloakAudience },
    ]);
  }
  for (const fn of routeFunctions(pms).filter((candidate) => !LOGIN_ROWS.includes(operationIdOf(candidate.resource)))) {
    for (const name of LOGIN_VARIABLES) assert.equal(variablesOf(fn)[name], undefined, `${operationIdOf(fn.resource)}: ${name}`);
  }
});

test('Keycloak: only the row that exchanges codes knows the secret and may read exactly it, decrypting only through Secrets Manager', () => {
  const pms = synthesizePms({ routes, context: KEYCLOAK_LOGIN_CONTEXT });
  for (const fn of resourcesOfType(pms, 'AWS::Lambda::Function')) {
    const name = fn.stackId === 'root' ? String(fn.resource.Properties.Description) : operationIdOf(fn.resource);
    const statements = secretStatements(statementsOfFunction(fn));
    if (name !== CODE_EXCHANGE_ROW) {
      assert.deepEqual(statements, [], name);
      assert.equal(fn.resource.Properties.Environment?.Variables?.[LOGIN_SETTINGS_ENV.clientSecretArn], undefined, name);
      continue;
    }
    assert.equal(variablesOf(fn)[LOGIN_SETTINGS_ENV.clientSecretArn], LOGIN_SECRET_ARN);
    assert.deepEqual(
      statements.map((statement) => ({ actions: actionsOf([statement]), resource: statement.Resource })),
      [
        { actions: ['secretsmanager:GetSecretValue'], resource: LOGIN_SECRET_ARN },
        { actions: ['kms:Decrypt'], resource: LOGIN_SECRET_KEY_ARN },
      ],
    );
    const { Condition } = statements[1] as PolicyStatement & { Condition: { StringEquals: Record<string, unknown> } };
    assert.equal(Condition.StringEquals['kms:EncryptionContext:SecretARN'], LOGIN_SECRET_ARN);
    assert.equal(rootValue(pms, Condition.StringEquals['kms:ViaService']), 'secretsmanager.<AWS::Region>.<AWS::URLSuffix>');
  }
});

test('a secret under Secrets Manager’s own key: GetSecretValue and no KMS permission at all', () => {
  const context = { ...KEYCLOAK_LOGIN_CONTEXT, login: { ...KEYCLOAK_LOGIN_CONTEXT.login, clientSecretKeyArn: undefined } };
  const pms = synthesizePms({ routes, context });
  const statements = secretStatements(statementsOfFunction(routeFunction(pms, CODE_EXCHANGE_ROW)));
  assert.deepEqual(actionsOf(statements), ['secretsmanager:GetSecretValue']);
});

test('without login context the login rows are deployed with no settings, and no function may read any secret', () => {
  for (const context of [{}, KEYCLOAK_CONTEXT]) {
    const pms = synthesizePms({ routes, context });
    for (const operationId of LOGIN_ROWS) {
      for (const name of LOGIN_VARIABLES) assert.equal(variablesOf(routeFunction(pms, operationId))[name], undefined, `${operationId}: ${name}`);
    }
    for (const fn of resourcesOfType(pms, 'AWS::Lambda::Function')) assert.deepEqual(secretStatements(statementsOfFunction(fn)), [], fn.logicalId);
    assert.equal(resourcesOfType(pms, 'AWS::SecretsManager::Secret').length, 0);
  }
});

test('Cognito with a portal: the stack creates a confidential login client and keeps its secret; only the code exchange may read it', () => {
  const pms = synthesizePms({ routes, context: { login: {}, portalBuild: build } });
  const [secret, ...otherSecrets] = resourcesOfType(pms, 'AWS::SecretsManager::Secret');
  assert.ok(secret && otherSecrets.length === 0);
  // CloudFormation copies the client's own secret: the value never appears in the template.
  const loginClientId = referencedId(secret.resource.Properties.SecretString);
  assert.deepEqual(secret.resource.Properties.SecretString, { 'Fn::GetAtt': [loginClientId, 'ClientSecret'] });
  const loginClient = (pms.root.toJSON().Resources as Record<string, CfnResource>)[loginClientId]!;
  assert.equal(loginClient.Properties.GenerateSecret, true);
  assert.deepEqual(loginClient.Properties.AllowedOAuthFlows, ['code']);

  const exchange = routeFunction(pms, CODE_EXCHANGE_ROW);
  const statements = secretStatements(statementsOfFunction(exchange));
  assert.deepEqual(actionsOf(statements), ['secretsmanager:GetSecretValue']);
  assert.equal(rootResourceBehind(pms, statements[0]!.Resource), secret.logicalId);
  assert.equal(rootResourceBehind(pms, variablesOf(exchange)[LOGIN_SETTINGS_ENV.clientSecretArn]), secret.logicalId);
  for (const operationId of LOGIN_ROWS.filter((id) => id !== CODE_EXCHANGE_ROW)) {
    assert.deepEqual(secretStatements(statementsOfFunction(routeFunction(pms, operationId))), [], operationId);
    assert.equal(variablesOf(routeFunction(pms, operationId))[LOGIN_SETTINGS_ENV.clientSecretArn], undefined, operationId);
  }

  // The login client is the one the login rows name, and the authorizer accepts its tokens.
  const [pool] = resourcesOfType(pms, 'AWS::Cognito::UserPool');
  const variables = variablesOf(routeFunction(pms, 'syntheticLogin'));
  assert.equal(rootValue(pms, variables[LOGIN_SETTINGS_ENV.clientId]), `<${loginClientId}>`);
  assert.equal(rootValue(pms, variables[LOGIN_SETTINGS_ENV.issuer]), `https://cognito-idp.<AWS::Region>.<AWS::URLSuffix>/<${pool!.logicalId}>`);
  const authorizerIssuers = rootValue(pms, rootFunction(pms, 'Verifies').resource.Properties.Environment.Variables.PMS_TOKEN_ISSUERS, false);
  const [issuer] = parseIssuers(authorizerIssuers) as Extract<IssuerConfig, { flavor: 'cognito' }>[];
  assert.ok(issuer!.clientIds.includes(`<${loginClientId}>`));
  assert.equal(rootValue(pms, variables.PMS_TOKEN_ISSUERS), authorizerIssuers);

  // Return URLs and public URL default to the distribution's; its callbacks carry the portal's landing page, base64.
  const [distribution] = resourcesOfType(pms, 'AWS::CloudFront::Distribution');
  const domain = `<${distribution!.logicalId}.DomainName>`;
  assert.equal(rootValue(pms, variables[LOGIN_SETTINGS_ENV.allowedUrls]), `https://${domain}/**`);
  assert.equal(rootValue(pms, variables[LOGIN_SETTINGS_ENV.publicUrl]), `https://${domain}`);
  const callbacks = (loginClient.Properties.CallbackURLs as unknown[]).map((url) => {
    const [, parts] = (url as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
    const encoded = (parts.at(-1) as { 'Fn::Base64': unknown })['Fn::Base64'];
    return rootValue(pms, { 'Fn::Join': ['', [...parts.slice(0, -1), `base64(${rootValue(pms, encoded, false)})`]] }, false);
  });
  assert.deepEqual(callbacks, [
    `https://${domain}/v1/partnermanager/login-redirect/base64(https://${domain}/)`,
    `https://${domain}/v1/partnermanager/login-redirect/base64(https://${domain}/#/partnermanagement/dashboard)`,
  ]);
});

test('Cognito without a portal: the callback URLs are the public URL, the code-exchange path and each landing page in base64', () => {
  const login = {
    allowedUrls: ['https://partners.example.org/**', 'https://partners.example.org/#/partnermanagement/policies'],
    publicUrl: 'https://api.example.org',
  };
  const pms = synthesizePms({ routes, context: { login } });
  const [loginClient] = resourcesOfType(pms, 'AWS::Cognito::UserPoolClient').filter((client) => client.logicalId.startsWith('IdentityLoginClient'));
  const callbacks = loginClient!.resource.Properties.CallbackURLs as string[];
  const prefix = 'https://api.example.org/v1/partnermanager/login-redirect/';
  assert.ok(
    callbacks.every((url) => url.startsWith(prefix)),
    JSON.stringify(callbacks),
  );
  assert.deepEqual(
    callbacks.map((url) => Buffer.from(url.slice(prefix.length), 'base64').toString('utf8')),
    [
      'https://partners.example.org/',
      'https://partners.example.org/#/partnermanagement/dashboard',
      'https://partners.example.org/#/partnermanagement/policies',
    ],
  );
  // Cognito refuses sign-out URLs with a fragment.
  assert.deepEqual(loginClient!.resource.Properties.LogoutURLs, ['https://partners.example.org/']);
});

test('Cognito with the operator’s own client: no client or secret is created, the authorizer trusts that client', () => {
  const login = { clientId: 'operator-client', clientSecretArn: LOGIN_SECRET_ARN, allowedUrls: ['https://partners.example.org/**'] };
  const pms = synthesizePms({ routes, context: { login } });
  assert.equal(resourcesOfType(pms, 'AWS::SecretsManager::Secret').length, 0);
  assert.equal(resourcesOfType(pms, 'AWS::Cognito::UserPoolClient').length, 2);
  assert.match(JSON.stringify(rootFunction(pms, 'Verifies').resource.Properties.Environment.Variables.PMS_TOKEN_ISSUERS), /\\"operator-client\\"/);
  assert.equal(variablesOf(routeFunction(pms, CODE_EXCHANGE_ROW))[LOGIN_SETTINGS_ENV.clientSecretArn], LOGIN_SECRET_ARN);
});

test('login context arrives as JSON from -c login=…', () => {
  const pms = synthesizePms({ routes, context: { ...KEYCLOAK_CONTEXT, login: JSON.stringify(KEYCLOAK_LOGIN_CONTEXT.login) } });
  assert.equal(variablesOf(routeFunction(pms, 'syntheticLogin'))[LOGIN_SETTINGS_ENV.clientId], 'mosip-pmp-client');
});

test('login settings the login would refuse, or that cannot work with the identity, fail the synth naming the problem', () => {
  const keycloak = KEYCLOAK_LOGIN_CONTEXT.login;
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ ...KEYCLOAK_CONTEXT, login: '{"clientId":' }, /must be a JSON object/],
    [{ ...KEYCLOAK_CONTEXT, login: ['mosip-pmp-client'] }, /must be a JSON object/],
    [{ ...KEYCLOAK_CONTEXT, login: { ...keycloak, allowedUrl: ['https://x.example.org/'] } }, /unknown key\(s\) allowedUrl/],
    [{ ...KEYCLOAK_CONTEXT, login: { ...keycloak, issuer: 'http://iam.example.org/realms/mosip' } }, /"issuer" must be an https URL/],
    [{ ...KEYCLOAK_CONTEXT, login: { ...keycloak, issuer: 'https://iam.example.org/realms/mosip/' } }, /without a trailing slash/],
    [{ ...KEYCLOAK_CONTEXT, login: { ...keycloak, issuer: 'https://iam.example.org/realms/other' } }, /realm the authorizer trusts/],
    [
      { ...KEYCLOAK_CONTEXT, login: { ...keycloak, clientId: undefined, clientSecretArn: undefined, clientSecretKeyArn: undefined } },
      /needs "clientId" and "clientSecretArn"/,
    ],
    [{ ...KEYCLOAK_CONTEXT, login: { ...keycloak, clientSecretArn: undefined, clientSecretKeyArn: undefined } }, /"clientId" and "clientSecretArn" together/],
    [{ ...KEYCLOAK_CONTEXT, login: { ...keycloak, clientId: 'two words' } }, /"clientId" must be a client id/],
    [
      { ...KEYCLOAK_CONTEXT, login: { ...keycloak, clientSecretArn: 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:pms/portal-login' } },
      /6 characters/,
    ],
    [{ ...KEYCLOAK_CONTEXT, login: { ...keycloak, clientSecretKeyArn: 'alias/pms' } }, /"clientSecretKeyArn" must be a KMS key ARN/],
    [{ ...KEYCLOAK_CONTEXT, login: { ...keycloak, allowedUrls: [] } }, /non-empty list/],
    [{ ...KEYCLOAK_CONTEXT, login: { ...keycloak, allowedUrls: 'https://partners.example.org/**' } }, /non-empty list/],
    [{ ...KEYCLOAK_CONTEXT, login: { ...keycloak, allowedUrls: ['http://partners.example.org/**'] } }, /http only on localhost/],
    [{ ...KEYCLOAK_CONTEXT, login: { ...keycloak, allowedUrls: ['https://a.example.org/,https://b.example.org/'] } }, /allowedUrls/],
    [{ ...KEYCLOAK_CONTEXT, login: { ...keycloak, allowedUrls: ['https://user:pw@partners.example.org/'] } }, /allowedUrls/],
    [{ ...KEYCLOAK_CONTEXT, login: { ...keycloak, allowedUrls: ['portal'] } }, /allowedUrls/],
    [{ ...KEYCLOAK_CONTEXT, login: { ...keycloak, allowedUrls: undefined } }, /needs "allowedUrls".*unless a portal is deployed/],
    [{ ...KEYCLOAK_CONTEXT, login: { ...keycloak, publicUrl: 'https://partners.example.org/pms' } }, /"publicUrl" must be an https origin/],
    [{ ...KEYCLOAK_CONTEXT, login: { ...keycloak, publicUrl: 'http://partners.example.org' } }, /"publicUrl" must be an https origin/],
    [{ ...KEYCLOAK_CONTEXT, login: { ...keycloak, scope: 'profile email' } }, /including openid/],
    [
      { login: { issuer: 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_x', allowedUrls: ['https://p.example.org/**'] } },
      /no "issuer" with identity=cognito/,
    ],
    [{ login: { allowedUrls: ['https://p.example.org/**'] } }, /needs "publicUrl"/],
  ];
  for (const [context, message] of cases) {
    assert.throws(
      () => synthesizePms({ routes, context }),
      (error: Error) => message.test(error.message) && error.message.startsWith('context "login"'),
      JSON.stringify(context.login),
    );
  }
  const localhost = { ...KEYCLOAK_CONTEXT, login: { ...keycloak, allowedUrls: ['http://localhost:3000/**'] } };
  assert.doesNotThrow(() => synthesizePms({ routes, context: localhost }), 'a local portal may return over http');
});

test('a login context needs the one login row that exchanges codes to register Cognito callbacks', () => {
  const withoutExchange = routes.filter((route) => route.operationId !== CODE_EXCHANGE_ROW);
  assert.throws(() => synthesizePms({ routes: withoutExchange, context: { login: {}, portalBuild: build } }), /exactly one login row that exchanges codes/);
});
