import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serviceHealth, type TableProbe } from '../../functions/domain/health/service-health.js';
import { apiHandler } from '../../functions/http/api-handler.js';
import { HttpReply } from '../../functions/http/http-reply.js';
import { platformRoutes } from '../../functions/routes/platform-routes.js';
import { apiEvent } from '../support/lambda-events.js';

const answering: TableProbe = { probe: async () => {} };
const failing = (error: unknown): TableProbe => ({
  probe: async () => {
    throw error;
  },
});

test('UP while the table answers; DOWN when it does not, with the cause for the log only', async () => {
  assert.deepEqual(await serviceHealth(answering), { status: 'UP' });
  assert.deepEqual(await serviceHealth(failing(Object.assign(new Error('Request aborted'), { name: 'AbortError' }))), { status: 'DOWN', cause: 'AbortError' });
  assert.deepEqual(await serviceHealth(failing(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))), {
    status: 'DOWN',
    cause: 'ECONNREFUSED',
  });
  assert.deepEqual(await serviceHealth(failing('odd')), { status: 'DOWN', cause: 'odd' });
});

test('an operation answers any status with a JSON body through HttpReply.json, as the health checks answer 503', async () => {
  const route = platformRoutes.partnerManagerHealth;
  const result = await apiHandler(route, async () => HttpReply.json(503, { status: 'DOWN' }))(apiEvent(route));
  assert.deepEqual([result.statusCode, result.headers, result.body], [503, { 'content-type': 'application/json' }, '{"status":"DOWN"}']);
  assert.equal(result.cookies, undefined);
});
