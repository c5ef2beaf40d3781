import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, type HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type { ILayerVersion } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { IssuerConfig } from '../functions/auth/issuers.js';
import { LOG_RETENTION, PmsFunction } from './pms-function.js';

export const AUTHORIZER_ENTRY = 'functions/authorizer/handler.ts';

/**
 * One access-log line per request. The route key, never the raw path: MOSIP puts partner ids and even API keys in
 * paths, and no secret may reach a log.
 */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    sourceIp: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    userId: '$context.authorizer.userId',
  }),
);

/** Default route throttle: twice IDA's published sustained 50 auth/s with burst headroom. */
const THROTTLE = { rateLimit: 100, burstLimit: 200 };

export interface PmsApiProps {
  tokenIssuers: IssuerConfig[];
  runtimeLayer: ILayerVersion;
}

/** The HTTP API every route joins, its access-logged default stage, and the token authorizer. */
export class PmsApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly authorizer: HttpLambdaAuthorizer;

  constructor(scope: Construct, id: string, props: PmsApiProps) {
    super(scope, id);
    const authorizerFunction = new PmsFunction(this, 'Authorizer', {
      entry: AUTHORIZER_ENTRY,
      description: 'Verifies Cognito/Keycloak access tokens from the Authorization header or cookie',
      runtimeLayer: props.runtimeLayer,
      environment: { PMS_TOKEN_ISSUERS: Stack.of(this).toJsonString(props.tokenIssuers) },
    });
    // MOSIP clients send the token as `Authorization: Bearer …` or as a cookie named Authorization. API Gateway
    // invokes an authorizer only when every identity source is present, and caching needs identity sources, so
    // the authorizer has none and no cache: it runs on every request and reads whichever carries the token.
    this.authorizer = new HttpLambdaAuthorizer('TokenAuthorizer', authorizerFunction.lambda, {
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      identitySource: [],
      resultsCacheTtl: Duration.seconds(0),
    });

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'MOSIP Partner Management (partner manager and policy manager APIs)',
      createDefaultStage: false,
      defaultAuthorizer: this.authorizer,
    });
    // No X-Ray on the stage: HTTP APIs have no tracing (REST APIs do); a trace starts at each function (lib/pms-function.ts).
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: LOG_RETENTION });
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });
    new CfnOutput(Stack.of(this), 'ApiUrl', { value: this.stage.url });
  }
}
