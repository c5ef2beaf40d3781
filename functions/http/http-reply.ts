import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * An answer that is not a MOSIP envelope: MOSIP's login endpoints answer redirects that set cookies, the health checks
 * a 503 when the table does not answer. An operation returns one and the pipeline sends it as it is (cookies through
 * the payload v2 `cookies` list, one Set-Cookie each).
 */
export class HttpReply {
  constructor(
    readonly statusCode: number,
    readonly headers: Record<string, string>,
    readonly cookies: readonly string[] = [],
    readonly body = '',
  ) {}

  static json(statusCode: number, value: unknown): HttpReply {
    return new HttpReply(statusCode, { 'content-type': 'application/json' }, [], JSON.stringify(value));
  }

  static redirect(location: string, cookies: readonly string[] = []): HttpReply {
    return new HttpReply(302, { location, 'cache-control': 'no-store' }, cookies);
  }

  toLambdaResult(): APIGatewayProxyStructuredResultV2 {
    return { statusCode: this.statusCode, headers: { ...this.headers }, ...(this.cookies.length > 0 ? { cookies: [...this.cookies] } : {}), body: this.body };
  }
}

export interface CookieOptions {
  maxAgeSeconds: number;
  path: string;
  secure: boolean;
  httpOnly?: boolean;
}

/** A Set-Cookie value; SameSite=Lax always, so no cross-site subrequest carries it (docs/security.md). */
export function setCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${value}`, `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`, `Path=${options.path}`, 'SameSite=Lax'];
  if (options.httpOnly !== false) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
