/**
 * The expiry-notification part of `npm run bench`: the daily job over a table seeded with PMS_BENCH_ITEMS expiring
 * items (default 100 000, API keys spread over ten years) of which 1% expire within 30 days. It reports what the
 * job read against what expires (target: within 2×, as it reads only the 30-day window of each calendar) and its
 * wall time. A report, never a test.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTableContext } from '../functions/adapters/dynamodb/client.js';
import { dynamoExpiryCalendar } from '../functions/adapters/dynamodb/expiry-calendar.js';
import { apiKeyKeys, expiryCalendarEntry, keys } from '../functions/adapters/dynamodb/keys.js';
import { dynamoNotificationRepository } from '../functions/adapters/dynamodb/notification-repository.js';
import { dynamoPartnerRepository } from '../functions/adapters/dynamodb/partner-repository.js';
import { dynamoPolicyGroupRepository } from '../functions/adapters/dynamodb/policy-group-repository.js';
import { dynamoPolicyRepository } from '../functions/adapters/dynamodb/policy-repository.js';
import { sendExpiryNotices } from '../functions/domain/notifications/expiry-notices.js';
import { startDynamoDbLocal } from '../local/dynamodb.js';
import { LOCAL_AWS_ENV } from '../local/handler-env.js';
import { ensureTable } from '../local/table.js';
import { bulkWrite } from '../test/support/bulk-write.js';
import { freePorts } from '../test/support/free-ports.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const EXPIRING_SHARE = 0.01;
const PARTNERS = 50;
const TARGET_RATIO = 2;

function apiKeyItem(index: number, expiresAt: string): Record<string, unknown> {
  const id = randomUUID();
  const keyHash = `${index.toString(16).padStart(8, '0')}${id.replace(/-/g, '')}`;
  return {
    ...apiKeyKeys.apiKey(keyHash),
    entity: 'ApiKey',
    ...expiryCalendarEntry(expiresAt, 'apiKey', id),
    id,
    keyHash,
    hint: 'abcd',
    partnerId: `bench-partner-${index % PARTNERS}`,
    policyId: 'bench-policy',
    label: `key ${index}`,
    isActive: true,
    validFromDatetime: new Date().toISOString(),
    validToDatetime: expiresAt,
    policy: { id: 'bench-policy', name: 'Bench KYC' },
    revision: 0,
  };
}

export async function notificationBench(total = Number(process.env.PMS_BENCH_ITEMS ?? 100_000)): Promise<string[][]> {
  Object.assign(process.env, LOCAL_AWS_ENV);
  const [port] = await freePorts(1);
  const dynamodb = await startDynamoDbLocal({ port: port! });
  try {
    await ensureTable(new DynamoDBClient({ endpoint: dynamodb.endpoint }), 'pms-bench');
    const table = createTableContext('pms-bench', dynamodb.endpoint);
    const now = Date.now();
    const expiring = Math.round(total * EXPIRING_SHARE);
    const items = Array.from({ length: total }, (_, index) => {
      // The first 1% within the next 30 days, the rest from day 31 up to ten years out.
      const offset = index < expiring ? (index / expiring) * 30 * DAY_MS : 31 * DAY_MS + ((index * 7919) % 3650) * DAY_MS;
      return apiKeyItem(index, new Date(now + offset).toISOString());
    });
    const partners = Array.from({ length: PARTNERS }, (_, index) => ({
      ...keys.partner(`bench-partner-${index}`),
      entity: 'Partner',
      id: `bench-partner-${index}`,
      isActive: true,
      emailId: `bench-partner-${index}@example.org`,
      langCode: 'eng',
    }));
    const seedStarted = performance.now();
    const all = [
      ...partners,
      { ...keys.policy('bench-policy'), entity: 'Policy', id: 'bench-policy', policyGroupId: 'bench-group' },
      { ...keys.policyGroup('bench-group'), entity: 'PolicyGroup', id: 'bench-group', name: 'Bench banks' },
      ...items,
    ];
    await bulkWrite(table, all.length, (index) => all[index]!, 'expiry job items');
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    const deps = {
      calendar: dynamoExpiryCalendar(table),
      notifications: dynamoNotificationRepository(table),
      partners: dynamoPartnerRepository(table),
      policies: dynamoPolicyRepository(table),
      groups: dynamoPolicyGroupRepository(table),
      clock: { now: () => new Date(now) },
      ids: { newId: () => randomUUID() },
      mail: { adminList: null },
    };
    const started = performance.now();
    const report = await sendExpiryNotices(deps);
    const seconds = (performance.now() - started) / 1000;
    const ratio = report.read / expiring;
    return [
      ['items seeded (API keys over ten years)', `${total} (in ${seedSeconds.toFixed(1)} s)`],
      ['items expiring within 30 days', String(expiring)],
      ['items the job read', String(report.read)],
      ['read / expiring', `${ratio.toFixed(2)}× ${ratio <= TARGET_RATIO ? '(within the 2× target)' : '(OVER the 2× target)'}`],
      ['notices given (one per item at its due threshold)', String(report.created)],
      ['job wall time', `${seconds.toFixed(1)} s (${(report.created / seconds).toFixed(0)} notices per second)`],
    ];
  } finally {
    await dynamodb.stop();
  }
}
