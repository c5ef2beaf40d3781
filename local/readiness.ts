import { platformRoutes } from '../functions/routes/platform-routes.js';
import { LocalStackError } from './config.js';

const HEALTH_PATHS = [platformRoutes.partnerManagerHealth.fullPath, platformRoutes.policyManagerHealth.fullPath];
const READY_TIMEOUT_MS = 30_000;
/** Longer than the table probe's own timeout, so a DOWN answer is seen as such rather than as no answer. */
const REQUEST_TIMEOUT_MS = 5_000;
const POLL_INTERVAL_MS = 200;

/**
 * Resolves once both services' health checks answer UP through the API itself, as a load balancer would see them;
 * otherwise fails with a LocalStackError naming the last answer.
 */
export async function waitUntilHealthy(apiUrl: string, timeoutMs = READY_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const path of HEALTH_PATHS) {
    const url = `${apiUrl}${path}`;
    for (;;) {
      const answer = await healthAnswer(url);
      if (answer === 'UP') break;
      if (Date.now() > deadline) throw new LocalStackError(`${url} did not answer UP within ${timeoutMs / 1000} s (last answer: ${answer})`);
      await new Promise((resolveDelay) => setTimeout(resolveDelay, POLL_INTERVAL_MS));
    }
  }
}

/** `UP`, or what came back instead, for the error message. */
async function healthAnswer(url: string): Promise<string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body = await response.text();
    return response.status === 200 && (JSON.parse(body) as { status?: unknown }).status === 'UP' ? 'UP' : `${response.status} ${body}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
