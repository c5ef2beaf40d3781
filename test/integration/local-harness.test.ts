import assert from 'node:assert/strict';
import { createPublicKey, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deviceTypeKeys } from '../../functions/adapters/dynamodb/keys.js';
import { DEVICE_TYPE_MASTER_DATA } from '../../functions/device-type-seed/master-data.js';
import { isPortFree } from '../../local/ports.js';
import { listTableItems } from '../support/dynamodb.js';
import { type LocalStack, startLocalStack } from '../support/local-stack.js';

const GROUPS = '/v1/policymanager/policies/group';

/** The harness other tests build on: one in-memory stack, reached only through HTTP and its own table. */
describe('local stack test harness', () => {
  let stack: LocalStack;

  before(async () => {
    stack = await startLocalStack({ inMemory: true });
  });

  after(async () => {
    await stack?.stop();
  });

  it('starts with only the PMS CA and the shipped device types in the table, the CA made from the key files in the data directory, and answers the health check', async () => {
    const items = await listTableItems(stack.table);
    const pmsCa = items.find((item) => item.pk === 'PMS_CA');
    const shipped = [
      ...DEVICE_TYPE_MASTER_DATA.deviceTypes.map((type) => deviceTypeKeys.deviceType(type.code)),
      ...DEVICE_TYPE_MASTER_DATA.deviceSubTypes.map((subType) => deviceTypeKeys.deviceSubType(subType.deviceTypeCode, subType.code)),
    ];
    const others = items.filter((item) => item !== pmsCa);
    const keyText = (key: { pk?: unknown; sk?: unknown }) => `${String(key.pk)} ${String(key.sk)}`;
    assert.deepEqual(others.map(keyText).sort(), shipped.map(keyText).sort());
    assert.deepEqual([pmsCa?.pk, pmsCa?.sk, pmsCa?.entity], ['PMS_CA', 'CURRENT', 'PmsCa']);
    const root = new X509Certificate(pmsCa!.root as string);
    const issuing = new X509Certificate(pmsCa!.issuing as string);
    const keyFile = (name: string) => createPublicKey(readFileSync(join(stack.dataDir, 'signing', `${name}.pem`), 'utf8'));
    assert.ok(root.publicKey.equals(keyFile('root')) && issuing.publicKey.equals(keyFile('issuing')));
    assert.ok(root.verify(root.publicKey) && issuing.verify(root.publicKey), 'ROOT signs itself and ISSUING');

    const health = await stack.request('GET', '/v1/partnermanager/actuator/health');
    assert.equal(health.status, 200);
    assert.deepEqual(health.json, { status: 'UP' });
  });

  it('answers KER-ATH-401 without a token, and accepts its tokens as a header or as a cookie', async () => {
    const anonymous = await stack.request('GET', `${GROUPS}/all`);
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.json.errors[0].errorCode, 'KER-ATH-401');

    const token = await stack.token('admin1', ['PARTNER_ADMIN']);
    assert.equal((await stack.request('GET', `${GROUPS}/all`, { token })).status, 200);
    const cognito = await stack.token('admin2', ['POLICYMANAGER'], { flavor: 'cognito' });
    assert.equal((await stack.request('GET', `${GROUPS}/all`, { cookieToken: cognito })).status, 200);
  });

  it('lets a test see what a request wrote to the table', async () => {
    const token = await stack.token('admin1', ['PARTNER_ADMIN']);
    const created = await stack.request('POST', `${GROUPS}/new`, {
      token,
      body: {
        id: 'mosip.partnermanagement.policy.group.create',
        version: '1.0',
        requesttime: new Date().toISOString(),
        request: { name: 'harness group', desc: 'made by the harness test' },
      },
    });
    assert.equal(created.status, 200, created.text);
    assert.deepEqual(created.json.errors, []);
    const items = await listTableItems(stack.table);
    assert.ok(items.some((item) => item.name === 'harness group'));
  });

  it('stops every part: ports free, data directory removed', async () => {
    const { baseUrl, dataDir } = stack;
    await stack.stop();
    assert.equal(await isPortFree(Number(new URL(baseUrl).port)), true);
    assert.equal(existsSync(dataDir), false);
  });
});
