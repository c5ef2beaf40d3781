import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { platformRoutes } from '../../functions/routes/platform-routes.js';
import { LocalStackError } from '../../local/config.js';
import { closeServer, LOCAL_HOST, listen, localUrl } from '../../local/ports.js';
import { waitUntilHealthy } from '../../local/readiness.js';

/** A stand-in API whose policy manager health answers `policyManager` (status and body); the partner manager's is UP. */
async function withApi(policyManager: () => [number, string], check: (apiUrl: string) => Promise<void>): Promise<void> {
  const server = createServer((request, response) => {
    const [status, body] = request.url === platformRoutes.policyManagerHealth.fullPath ? policyManager() : [200, '{"status":"UP"}'];
    response.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await listen(server, 0, LOCAL_HOST);
  try {
    await check(localUrl((server.address() as AddressInfo).port));
  } finally {
    await closeServer(server);
  }
}

test('npm start is ready once both health checks answer UP, polling while one answers DOWN', async () => {
  let calls = 0;
  await withApi(
    () => (++calls < 3 ? [503, '{"status":"DOWN"}'] : [200, '{"status":"UP"}']),
    (apiUrl) => waitUntilHealthy(apiUrl, 5_000),
  );
  assert.equal(calls, 3);
});

test('npm start fails with the URL and the last answer when a health check never answers UP in time', async () => {
  await withApi(
    () => [503, '{"status":"DOWN"}'],
    async (apiUrl) => {
      const started = Date.now();
      await assert.rejects(
        waitUntilHealthy(apiUrl, 300),
        (error: Error) =>
          error instanceof LocalStackError &&
          error.message === `${apiUrl}${platformRoutes.policyManagerHealth.fullPath} did not answer UP within 0.3 s (last answer: 503 {"status":"DOWN"})`,
      );
      assert.ok(Date.now() - started < 1_000);
    },
  );
});
