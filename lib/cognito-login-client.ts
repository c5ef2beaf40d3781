import { Duration, Lazy, SecretValue, Validations } from 'aws-cdk-lib';
import { CfnManagedLoginBranding, type CfnUserPoolClient, OAuthScope, type UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { LoginClient, LoginClientSecret, LoginRedirects } from './login-deployment.js';

export interface CognitoLoginClientProps {
  userPool: UserPool;
  /** The user pool's issuer URL. */
  issuer: string;
}

/**
 * The confidential app client MOSIP's login endpoints use (the code flow with PKCE and the client secret), and a
 * Secrets Manager secret holding a copy of its secret, which CloudFormation reads from the client
 * (`Fn::GetAtt ClientSecret`): the value never appears in the template, in a log or in a function's environment.
 * Its callback URLs are registered once the portal's URL is known (`registerRedirects`).
 */
export class CognitoLoginClient extends Construct implements LoginClient {
  readonly issuer: string;
  readonly clientId: string;
  readonly secret: LoginClientSecret;
  private redirects: LoginRedirects | undefined;

  constructor(scope: Construct, id: string, props: CognitoLoginClientProps) {
    super(scope, id);
    const client = new UserPoolClient(this, 'Client', {
      userPool: props.userPool,
      generateSecret: true,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: Lazy.list({ produce: () => this.registered().callbackUrls }),
        // Cognito's sign-out URLs may not carry a fragment; the portal's pages all do (hash router).
        logoutUrls: Lazy.list({ produce: () => this.registered().returnUrls.filter((url) => !url.includes('#')) }),
      },
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      // The login hands out the access token only; a refresh token never leaves the token exchange.
      refreshTokenValidity: Duration.hours(1),
    });
    new CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: props.userPool.userPoolId,
      clientId: client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    const secret = new Secret(this, 'ClientSecret', {
      description: 'Client secret of the Cognito app client that MOSIP’s login endpoints use (a copy CloudFormation keeps in step)',
      secretStringValue: SecretValue.resourceAttribute((client.node.defaultChild as CfnUserPoolClient).attrClientSecret),
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The secret is a copy of the Cognito app client secret, which Cognito generates and CloudFormation copies in; a ' +
        'Secrets Manager rotation would change only the copy and break the login. A new client secret comes with a new ' +
        'app client, deployed like any other change (docs/deploy.md).',
    });
    this.issuer = props.issuer;
    this.clientId = client.userPoolClientId;
    this.secret = { secretArn: secret.secretArn };
  }

  registerRedirects(redirects: LoginRedirects): void {
    this.redirects = redirects;
  }

  private registered(): LoginRedirects {
    if (!this.redirects) throw new Error('the Cognito login client was created but its redirect URLs were never registered');
    return this.redirects;
  }
}
