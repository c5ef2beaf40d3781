import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { IssuerConfig } from '../functions/auth/issuers.js';
import { MACHINE_SCOPE_SERVER, PMS_ROLES } from '../functions/auth/roles.js';
import type { CognitoIdentityConfig, IdentityConfig } from './app-config.js';

export const IDA_SCOPE = 'ID_AUTHENTICATION';

export interface Identity {
  /** The issuers the authorizer trusts (its PMS_TOKEN_ISSUERS). */
  tokenIssuers: IssuerConfig[];
}

/** Creates the Cognito user pool, or trusts an existing Keycloak realm (nothing to create). */
export function createIdentity(scope: Construct, config: IdentityConfig): Identity {
  if (config.kind === 'keycloak') return { tokenIssuers: [{ flavor: 'keycloak', issuer: config.issuer, audience: config.audience }] };
  return new CognitoIdentity(scope, 'Identity', config);
}

/**
 * Partner users sign themselves up (e-mail verified, TOTP MFA required) and are given roles by joining the group
 * named after the role; MOSIP IDA signs in as a machine client with the ID_AUTHENTICATION scope.
 */
export class CognitoIdentity extends Construct implements Identity {
  readonly userPool: UserPool;
  readonly portalClient: UserPoolClient;
  readonly idaClient: UserPoolClient;
  readonly tokenIssuers: IssuerConfig[];

  constructor(scope: Construct, id: string, config: CognitoIdentityConfig) {
    super(scope, id);
    const stack = Stack.of(this);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
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

    this.tokenIssuers = [
      {
        flavor: 'cognito',
        issuer: `https://cognito-idp.${stack.region}.${stack.urlSuffix}/${this.userPool.userPoolId}`,
        clientIds: [this.portalClient.userPoolClientId, this.idaClient.userPoolClientId],
      },
    ];

    new CfnOutput(stack, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(stack, 'PortalClientId', { value: this.portalClient.userPoolClientId });
    new CfnOutput(stack, 'IdaClientId', {
      value: this.idaClient.userPoolClientId,
      description: 'Client-credentials client for MOSIP IDA; read its secret with aws cognito-idp describe-user-pool-client',
    });
    new CfnOutput(stack, 'SignInUrl', { value: domain.baseUrl() });
    new CfnOutput(stack, 'TokenEndpoint', { value: `${domain.baseUrl()}/oauth2/token` });
  }
}
