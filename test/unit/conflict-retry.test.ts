import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONFLICT_ATTEMPTS, retryOnConflict } from '../../functions/domain/retry.js';
import { ConcurrentModificationError } from '../../functions/errors/pms-error.js';
import { type ApiEvent, apiHandler } from '../../functions/http/api-handler.js';
import { policyGroupRoutes } from '../../functions/routes/policy-group-routes.js';
import { apiEvent } from '../support/lambda-events.js';

const noWait = () => 0;

test('a step that loses its race twice is run again and its third answer is kept', async () => {
  let calls = 0;
  const answer = await retryOnConflict(
    async () => {
      calls++;
      if (calls < 3) throw new ConcurrentModificationError('item');
      return 'stored';
    },
    CONFLICT_ATTEMPTS,
    noWait,
  );
  assert.deepEqual([answer, calls], ['stored', 3]);
});

test('a race lost on every attempt ends after the bounded attempts with the conflict; other errors are not retried', async () => {
  let calls = 0;
  await assert.rejects(
    retryOnConflict(
      async () => {
        calls++;
        throw new ConcurrentModificationError('item');
      },
      CONFLICT_ATTEMPTS,
      noWait,
    ),
    ConcurrentModificationError,
  );
  assert.equal(calls, CONFLICT_ATTEMPTS);
  let failures = 0;
  await assert.rejects(
    retryOnConflict(async () => {
      failures++;
      throw new Error('table unreachable');
    }),
    /table unreachable/,
  );
  assert.equal(failures, 1);
});

test('the API answers a lost race with PMS_COR_101 (HTTP 200, MOSIP envelope), and an outage with the fallback code', async () => {
  const route = policyGroupRoutes.createPolicyGroup;
  const body = JSON.stringify({ id: 'mosip.policy.group.create', version: '1.0', requesttime: new Date().toISOString(), request: { name: 'a', desc: 'b' } });
  const event: ApiEvent = apiEvent(route, { body, principal: { userId: 'admin', subject: 'sub-admin', roles: new Set(['POLICYMANAGER']) } });
  const answer = async (error: Error) => {
    const result = await apiHandler(route, async () => {
      throw error;
    })(event);
    return [result.statusCode, JSON.parse(result.body ?? 'null').errors[0].errorCode];
  };
  assert.deepEqual(await answer(new ConcurrentModificationError('policy group')), [200, 'PMS_COR_101']);
  assert.deepEqual(await answer(new Error('table unreachable')), [200, route.fallbackError?.code ?? 'PMS_COR_003']);
});
