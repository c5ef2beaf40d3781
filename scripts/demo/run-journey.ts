import { ACTORS, type Actor, JOURNEY_STEPS, type JourneyStep, type JourneyValue, type JourneyValues } from './journey-steps.js';

/** A step that did not answer as the journey needs; its message names the step, the call and MOSIP's error. */
export class JourneyError extends Error {}

export interface JourneyOptions {
  /** The API, e.g. http://127.0.0.1:8080 (no trailing slash). */
  baseUrl: string;
  tokens: Readonly<Record<Actor, string>>;
  /** The values known before the first step: the run suffix and the certificates. */
  initial: Pick<JourneyValues, 'RUN' | 'BANK_CA_CHAIN' | 'BANK_CERT' | 'MISP_CA_CHAIN' | 'MISP_CERT'>;
  print: (line: string) => void;
  steps?: readonly JourneyStep[];
}

interface MosipAnswer {
  response?: unknown;
  errors?: { errorCode?: string; message?: string }[] | null;
}

const REQUEST_TIMEOUT_MS = 60_000;

/**
 * Runs the steps in order against a running PMS and prints, for each, what it does, the call, and one line with
 * the answer's key fields (`<step>: ok id=…`). Gives every value the journey collected; throws a JourneyError at
 * the first step that fails.
 */
export async function runJourney(options: JourneyOptions): Promise<Partial<Record<JourneyValue, string>>> {
  const steps = options.steps ?? JOURNEY_STEPS;
  const known: Partial<Record<JourneyValue, string>> = { ...options.initial };
  const values = valuesSoFar(known);
  for (const [index, step] of steps.entries()) {
    const path = step.path(values);
    const actor = ACTORS[step.as];
    options.print(`[${index + 1}/${steps.length}] ${step.what}`);
    options.print(`       ${step.method} ${path} as ${actor.user(values)} (${actor.roles.join(', ')})`);
    const skipped = step.skipWhen?.(values);
    if (skipped) {
      options.print(`${step.name}: skipped, ${skipped}`);
      continue;
    }
    const body = step.request
      ? { id: step.requestId ?? null, version: '1.0', requesttime: new Date().toISOString(), metadata: {}, request: step.request(values) }
      : undefined;
    const answer = await call(options.baseUrl, step, path, options.tokens[step.as], body);
    options.print(`${step.name}: ${outcomeOf(step, answer)}`);
    for (const [name, field] of Object.entries(step.keep ?? {}) as [JourneyValue, string][]) {
      const value = (answer.response as Record<string, unknown> | null)?.[field];
      if (value === undefined || value === null || typeof value === 'object') {
        throw new JourneyError(`${step.name}: the answer has no ${field}: ${JSON.stringify(answer)}`);
      }
      known[name] = String(value);
    }
  }
  return known;
}

/** The values so far; reading one that no earlier step gave is a mistake in the steps' order. */
function valuesSoFar(known: Partial<Record<JourneyValue, string>>): JourneyValues {
  return new Proxy(known, {
    get(target, name) {
      const value = target[name as JourneyValue];
      if (value === undefined) throw new JourneyError(`the journey needs ${String(name)} before any step gave it`);
      return value;
    },
  }) as JourneyValues;
}

async function call(baseUrl: string, step: JourneyStep, path: string, token: string, body: unknown): Promise<MosipAnswer> {
  const where = `${step.method} ${path}`;
  let status: number;
  let text: string;
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method: step.method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new JourneyError(`${step.name}: no answer from ${baseUrl} (${cause}): is the stack running (npm start)? PMS_URL or PMS_PORT says where`);
  }
  let answer: MosipAnswer;
  try {
    answer = JSON.parse(text) as MosipAnswer;
  } catch {
    throw new JourneyError(`${step.name}: ${where} answered HTTP ${status}, not JSON: ${text.slice(0, 200)}`);
  }
  const error = answer.errors?.[0];
  if (error) {
    if (error.errorCode === step.refusedWith) return answer;
    const hint = status === 401 ? ' (the stack did not accept the token: give the demo the PMS_DATA_DIR and PMS_ISSUER_PORT the stack was started with)' : '';
    throw new JourneyError(`${step.name}: ${where} failed with ${error.errorCode}: ${error.message}${hint}`);
  }
  if (status < 200 || status > 299 || !('response' in answer)) {
    throw new JourneyError(`${step.name}: ${where} answered HTTP ${status}: ${text.slice(0, 200)}`);
  }
  if (step.refusedWith) throw new JourneyError(`${step.name}: ${where} should be refused with ${step.refusedWith}, but answered ${text.slice(0, 200)}`);
  return answer;
}

/** `ok id=… name="Banks x"`, or for a refusal `denied PMS_PMP_017 Partner is not mapped to any policy.` */
function outcomeOf(step: JourneyStep, answer: MosipAnswer): string {
  const error = answer.errors?.[0];
  if (error) return `${step.outcome ?? 'refused'} ${error.errorCode} ${error.message}`;
  const response = answer.response;
  if (typeof response !== 'object' || response === null) return `${step.outcome ?? 'ok'} ${JSON.stringify(response)}`;
  const fields = step.show.map((field) => `${field}=${shown((response as Record<string, unknown>)[field])}`);
  return [step.outcome ?? 'ok', ...fields].join(' ');
}

/** A value as one token: PEM and long text abridged, text with spaces or quotes as JSON. */
function shown(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value) ?? 'undefined';
  if (value.startsWith('-----BEGIN ')) return `<PEM, ${value.length} chars>`;
  if (value.length > 80) return `<${value.length} chars>`;
  return /^[^\s"=<]+$/.test(value) ? value : JSON.stringify(value);
}
