import { Validations } from 'aws-cdk-lib';
import { HttpMethod, HttpNoneAuthorizer, HttpRoute, HttpRouteKey, type IHttpApi, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { ILayerVersion } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { Route } from '../functions/routes/route.js';
import type { EsignetConfig } from './esignet-deployment.js';
import type { LoginDeployment } from './login-deployment.js';
import type { PersonalDataKeys } from './personal-data-keys.js';
import { PmsFunction } from './pms-function.js';

/** What every endpoint is wired to. */
export interface EndpointResources {
  httpApi: IHttpApi;
  authorizer: IHttpRouteAuthorizer;
  runtimeLayer: ILayerVersion;
  table: ITableV2;
  /** Given only to the rows that re-sign partner certificates (`signsCertificates`). */
  issuingCaKey: IKey;
  /** Each row is granted on them exactly the uses it declares (`personalData`). */
  personalDataKeys: PersonalDataKeys;
  /** Operator settings for particular operations, by operation id, added to their functions' environment. */
  operationEnvironment: Readonly<Record<string, Record<string, string>>>;
  /** The identity provider's settings for the rows with `login` (CDK context `login`); null: those rows get none. */
  login: LoginDeployment | null;
  /** eSignet's settings for the rows with `esignet` (CDK context `esignetUrl` and friends); null: OIDC clients are off. */
  esignet: EsignetConfig | null;
}

export interface OperationEndpointProps extends EndpointResources {
  route: Route;
}

/** One route table row: its function and its API route, behind the token authorizer unless the row is PUBLIC. */
export class OperationEndpoint extends Construct {
  readonly handler: PmsFunction;
  readonly route: HttpRoute;

  constructor(scope: Construct, id: string, props: OperationEndpointProps) {
    super(scope, id);
    const { route, ...resources } = props;
    const login = route.login && resources.login;
    this.handler = new PmsFunction(this, 'Handler', {
      entry: route.entry,
      description: `${route.operationId}: ${route.summary}`,
      runtimeLayer: resources.runtimeLayer,
      // The row's declared access is the grant; events go out through the outbox, never directly.
      ...(route.tableAccess === 'none' ? {} : { data: { table: resources.table, access: route.tableAccess } }),
      ...(route.signsCertificates && { caKeys: { issuing: resources.issuingCaKey } }),
      personalData: { keys: resources.personalDataKeys, uses: route.personalData ?? [] },
      ...(login && route.login?.clientSecret && { loginClientSecret: login.clientSecret }),
      ...(route.esignet && resources.esignet && { esignet: { config: resources.esignet, use: route.esignet } }),
      environment: { ...resources.operationEnvironment[route.operationId], ...login?.environment },
    });
    this.route = new HttpRoute(this, 'Route', {
      httpApi: resources.httpApi,
      routeKey: HttpRouteKey.with(route.fullPath, HttpMethod[route.method]),
      integration: new HttpLambdaIntegration('Integration', this.handler.lambda),
      authorizer: route.access === 'PUBLIC' ? new HttpNoneAuthorizer() : resources.authorizer,
    });
    if (route.access === 'PUBLIC') {
      Validations.of(this.route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          `${route.operationId} (${route.summary}) is PUBLIC in the route table: MOSIP serves it without a token to ` +
          'probes and clients. Every other route carries the token authorizer, which test/infra asserts.',
      });
    }
  }
}
