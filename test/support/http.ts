export interface RequestOptions {
  /** Strings and bytes are sent as they are; anything else as JSON. */
  body?: unknown;
  /** Sent as `Authorization: Bearer …`. */
  token?: string;
  /** Sent as MOSIP clients send it: `Cookie: Authorization=…`. */
  cookieToken?: string;
  headers?: Record<string, string>;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: any;
}

export async function request(baseUrl: string, method: string, path: string, options: RequestOptions = {}): Promise<HttpResult> {
  const headers: Record<string, string> = {};
  const raw = typeof options.body === 'string' || options.body instanceof Uint8Array;
  if (options.body !== undefined && !raw) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookieToken) headers.cookie = `Authorization=${options.cookieToken}`;
  const body = options.body === undefined ? undefined : raw ? (options.body as string | Uint8Array) : JSON.stringify(options.body);
  const response = await fetch(`${baseUrl}${path}`, { method, headers: { ...headers, ...options.headers }, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: parseJson(text) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
