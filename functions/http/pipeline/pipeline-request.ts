import type { Request } from '@middy/core';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { Principal } from '../../auth/principal.js';
import type { ParsedRequest } from '../request-parser.js';

/** The event as API Gateway (or the local server) hands it over, with the authorizer's context. */
export type ApiEvent = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & { authorizer?: { lambda?: Record<string, unknown> } };
};

/** What the middlewares learn about one request, in the order they learn it. */
export interface PipelineState {
  now: Date;
  /** API Gateway's request id. */
  requestId: string;
  principal?: Principal;
  parsed?: ParsedRequest;
}

/** The state rides on the invocation's context: the one object middy hands both the middlewares and the handler. */
export type PipelineContext = Context & { pipeline: PipelineState };

export type PipelineRequest = Request<ApiEvent, unknown, unknown, PipelineContext>;

export interface PipelineMiddleware {
  before?: (request: PipelineRequest) => void | Promise<void>;
  after?: (request: PipelineRequest) => void | Promise<void>;
  onError?: (request: PipelineRequest) => void | Promise<void>;
}
