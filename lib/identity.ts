import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  FeaturePlan,
  LambdaVersion,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import type { ILayerVersion } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { IssuerConfig } from '../functions/auth/issuers.js';
import { MACHINE_SCOPE_SERVER, PMS_ROLES } from '../functions/auth/roles.js';
import type { CognitoIdentityConfig, IdentityConfig } from './app-config.js';
import { CognitoLoginClient } from './cognito-login-client.js';
import type { LoginConfig } from './login-context.js';
import { type LoginClient, operatorLoginClient } from './login-deployment.js';
import { PmsFunction } from './pms-function.js';

export const IDA_SCOPE = 'ID_AUTHENTICATION';

const PRE_TOKEN_GENERATION_ENTRY = 'functions/identity/pre-token-generation.ts';

export interface Identity {
  /** The issuers the authorizer trusts (its PMS_TOKEN_ISSUERS). */
  tokenIssuers: IssuerConfig[];
  /** With CDK context `login`: the client MOSIP's login endpoints use at this identity provider. */
  loginClient: LoginClient | null;
}

export interface IdentityOptions {
  runtimeLayer: ILayerVersion;
  login: LoginConfig | null;
}

/** Creates the Cognito user pool, or trusts an existing Keycloak realm (nothing to create). */
export function createIdentity(scope: Construct, config: IdentityConfig, options: IdentityOptions): Identity {
  if (config.kind === 'cognito') return new CognitoIdentity(scope, 'Identity', config, options);
  const { login } = options;
  return {
    tokenIssuers: [{ flavor: 'keycloak', issuer: config.issuer, audience: config.audience }],
    loginClient: login?.client ? operatorLoginClient(config.issuer, login.client) : null,
  };
}

/**
 * The profile MOSIP's partner portal shows, beyond the standard given_name, family_name, phone_number and email:
 * user attributes the pre-token-generation trigger maps into tokens under MOSIP's claim names.
 */
const PORTAL_PROFILE_ATTRIBUTES = {
  organizationName: new StringAttribute({ minLen: 1, maxLen: 256, mutable: true }),
  addressTest: new StringAttribute({ minLen: 1, maxLen: 2048, mutable: true }),
  partnerType: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
  langCode: new StringAttribute({ minLen: 3, maxLen: 3, mutable: true }),
};

/**
 * Partner users sign themselves up (e-mail verified, TOTP MFA required) and are given roles by joining the group
 * named after the role; MOSIP IDA signs in as a machine client with the ID_AUTHENTICATION scope.
 */
export class CognitoIdentity extends Construct implements Identity {
  readonly userPool: UserPool;
  readonly portalClient: UserPoolClient;
  readonly idaClient: UserPoolClient;
  readonly tokenIssuers: IssuerConfig[];
  readonly loginClient: LoginClient | null;

  constructor(scope: Construct, id: string, config: CognitoIdentityConfig, options: IdentityOptions) {
    super(scope, id);
    const stack = Stack.of(this);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: PORTAL_PROFILE_ATTRIBUTES,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // V2_0 reaches the access token, which MOSIP's portal reads (the Plus feature plan above allows it).
    const profileClaims = new PmsFunction(this, 'ProfileClaims', {
      entry: PRE_TOKEN_GENERATION_ENTRY,
      description: "Cognito pre-token generation: adds the profile claims MOSIP's partner portal reads to ID and access tokens",
      runtimeLayer: options.runtimeLayer,
    });
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, profileClaims.lambda, LambdaVersion.V2_0);
    for (const role of PMS_ROLES) {
      this.userPool.addGroup(role, { groupName: role, description: `Members hold the MOSIP PMS role ${role}` });
    }

    this.portalClient = this.userPool.addClient('PortalClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: config.portalCallbackUrls,
        logoutUrls: config.portalCallbackUrls,
      },
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });

    const idaScope = new ResourceServerScope({ scopeName: IDA_SCOPE, scopeDescription: 'MOSIP ID Authentication verifying partner keys' });
    const machineScopes = this.userPool.addResourceServer('MachineScopes', { identifier: MACHINE_SCOPE_SERVER, scopes: [idaScope] });
    this.idaClient = this.userPool.addClient('IdaClient', {
      generateSecret: true,
      oAuth: { flows: { clientCredentials: true }, scopes: [OAuthScope.resourceServer(machineScopes, idaScope)] },
      accessTokenValidity: Duration.hours(1),
    });

    // Managed login (v2) walks a new user through TOTP enrolment, which MFA "required" needs at first sign-in.
    const domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: config.domainPrefix ?? `pms-${stack.account}` },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    new CfnManagedLoginBranding(this, 'PortalLoginBranding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.portalClient.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    const issuer = `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`;
    this.loginClient = cognitoLoginClient(this, options.login, { userPool: this.userPool, issuer });
    this.tokenIssuers = [
      {
        flavor: 'cognito',
        issuer,
        clientIds: [this.portalClient.userPoolClientId, this.idaClient.userPoolClientId, ...(this.loginClient ? [this.loginClient.clientId] : [])],
      },
    ];

    new CfnOutput(stack, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(stack, 'PortalClientId', { value: this.portalClient.userPoolClientId });
    new CfnOutput(stack, 'IdaClientId', {
      value: this.idaClient.userPoolClientId,
      description: 'Client-credentials client for MOSIP IDA; read its secret with aws cognito-idp describe-user-pool-client',
    });
    if (this.loginClient) new CfnOutput(stack, 'LoginClientId', { value: this.loginClient.clientId });
    new CfnOutput(stack, 'SignInUrl', { value: domain.baseUrl() });
    new CfnOutput(stack, 'TokenEndpoint', { value: `${domain.baseUrl()}/oauth2/token` });
  }
}

/** The operator's own app client, or one the stack creates with its secret; none without login context. */
function cognitoLoginClient(scope: Construct, login: LoginConfig | null, pool: { userPool: UserPool; issuer: string }): LoginClient | null {
  if (!login) return null;
  if (!login.client) return new CognitoLoginClient(scope, 'LoginClient', pool);
  return operatorLoginClient(pool.issuer, login.client);
}
