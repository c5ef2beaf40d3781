import { randomUUID } from 'node:crypto';
import type { SQSEvent } from 'aws-lambda';
import { type Principal, toAuthorizerContext } from '../../functions/auth/principal.js';
import type { ApiEvent } from '../../functions/http/api-handler.js';
import type { Route } from '../../functions/routes/route.js';
import { proxyEventOf, withAuthorizerContext } from '../../local/api-gateway-event.js';

/** A request to one route, as a test states it; the event is built by the local gateway's own code. */
export interface RouteRequest {
  /** The raw body; an object is sent as JSON. */
  body?: string | object;
  headers?: Record<string, string>;
  /** Query string, still percent-encoded, without `?`. */
  query?: string;
  pathParameters?: Record<string, string>;
  /** Who the authorizer let through; absent: nobody signed in (the authorizer still runs and says so). */
  principal?: Principal;
}

/** The proxy event (payload 2.0) a route's function receives for `request`, with the authorizer's verdict. */
export function apiEvent(route: Route, request: RouteRequest = {}): ApiEvent {
  const body = request.body === undefined ? Buffer.alloc(0) : Buffer.from(typeof request.body === 'string' ? request.body : JSON.stringify(request.body));
  const headers = { 'content-type': 'application/json', ...lowerCased(request.headers ?? {}) };
  const event = proxyEventOf(
    {
      method: route.method,
      url: `${route.fullPath}${request.query ? `?${request.query}` : ''}`,
      headers,
      body,
      sourceIp: '127.0.0.1',
      requestId: randomUUID(),
      receivedAt: new Date(),
    },
    { route, pathParameters: request.pathParameters ?? {} },
  );
  return withAuthorizerContext(event, { ...toAuthorizerContext(request.principal) });
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** One SQS message as Lambda's event source mapping delivers it, received `receiveCount` times. */
export function sqsEvent(body: string, receiveCount = 1): SQSEvent {
  const sentAt = String(Date.now());
  return {
    Records: [
      {
        messageId: randomUUID(),
        receiptHandle: randomUUID(),
        body,
        attributes: { ApproximateReceiveCount: String(receiveCount), SentTimestamp: sentAt, SenderId: 'local', ApproximateFirstReceiveTimestamp: sentAt },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:local:000000000000:pms-mail',
        awsRegion: 'local',
      },
    ],
  };
}
