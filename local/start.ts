import { banner } from './banner.js';
import { LocalStackError, readLocalConfig } from './config.js';
import { loadOrCreateEsignetClientSecret } from './esignet.js';
import { handlerEnvironment } from './handler-env.js';
import { loadOrCreateLoginClientSecret } from './oidc-client-secret.js';
import { waitUntilHealthy } from './readiness.js';
import { startStack } from './stack.js';

/**
 * `npm start`. When started with an IPC channel (the test harness), it reports readiness over it and
 * shuts down when the channel closes, so a crashed test run leaves no stack behind.
 */
const running: Array<() => Promise<void>> = [];
let stopping = false;

async function shutdown(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const stop of running.reverse()) {
    await stop().catch((error: unknown) => console.error(`while stopping: ${error instanceof Error ? error.message : String(error)}`));
  }
  if (exitCode === 0) console.log('PMS local stack stopped');
  process.exit(exitCode);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('disconnect', () => void shutdown(0));

try {
  const config = readLocalConfig();
  Object.assign(
    process.env,
    handlerEnvironment(config, {
      loginClientSecret: await loadOrCreateLoginClientSecret(config.dataDir),
      esignetClientSecret: await loadOrCreateEsignetClientSecret(config.dataDir),
    }),
  );
  const stack = await startStack(config, running);
  await waitUntilHealthy(stack.apiUrl);
  if (!stopping) {
    console.log(banner(config, stack));
    process.send?.({ type: 'ready', ...stack });
  }
} catch (error) {
  console.error(error instanceof LocalStackError ? `pms local stack: ${error.message}` : error);
  await shutdown(1);
}
