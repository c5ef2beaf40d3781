import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { dynamoAuditTrailReader } from '../../functions/adapters/dynamodb/audit-trail-reader.js';
import { dynamoCertificateRepository } from '../../functions/adapters/dynamodb/certificate-repository.js';
import { certificateKeys, expiryCalendarEntry, indexKeys, keys, notificationKeys } from '../../functions/adapters/dynamodb/keys.js';
import { dynamoNotificationRepository, dynamoSeenTimestamps } from '../../functions/adapters/dynamodb/notification-repository.js';
import { outboxPut, pendingOutboxEvents } from '../../functions/adapters/dynamodb/outbox.js';
import { dynamoPolicyGroupRepository } from '../../functions/adapters/dynamodb/policy-group-repository.js';
import { dynamoPolicyRepository } from '../../functions/adapters/dynamodb/policy-repository.js';
import { relayPendingEvents } from '../../functions/adapters/events/outbox-relay.js';
import type { AuditEntry } from '../../functions/domain/audit.js';
import { auditTrail } from '../../functions/domain/audit-trail/audit-trail.js';
import type { CaCertificate } from '../../functions/domain/certificates/stored-certificates.js';
import { listTrustCertificates } from '../../functions/domain/certificates/trust-certificates.js';
import type { EventModel } from '../../functions/domain/events/event-model.js';
import { type Notification, notificationDetails } from '../../functions/domain/notifications/notification.js';
import { listNotifications } from '../../functions/domain/notifications/portal.js';
import type { Policy } from '../../functions/domain/policies/policy.js';
import { listPolicies } from '../../functions/domain/policies/queries.js';
import type { PolicyGroup } from '../../functions/domain/policy-groups/policy-group.js';
import { getActivePolicyGroups, getPolicyGroup, searchPolicyGroups } from '../../functions/domain/policy-groups/queries.js';
import { writeItems } from '../support/bulk-write.js';
import { startDynamoDb, type TestDynamoDb } from '../support/dynamodb.js';

/**
 * Issue #18: no list, count or search stops at a fixed number of items. Each test writes one item more than a cap
 * these reads used to have (straight into the table, 25 per BatchWriteItem) and checks the answer counts them all.
 */
let db: TestDynamoDb;
before(async () => {
  db = await startDynamoDb();
});
after(() => db?.stop());

const NOW = new Date('2026-06-01T12:00:00.000Z');
const clock = { now: () => NOW };
const pad = (i: number) => String(i).padStart(5, '0');
/** `i` seconds before `base` (ISO), so items created in a loop have distinct, ordered times. */
const secondsBefore = (base: string, i: number) => new Date(Date.parse(base) - i * 1000).toISOString();

function seed(items: Record<string, unknown>[]): Promise<void> {
  return writeItems(db.table, items);
}

function groupItem(id: string, crDtimes: string): Record<string, unknown> {
  const group: PolicyGroup = {
    id,
    name: `Group ${id}`,
    desc: 'd',
    isActive: true,
    crBy: 'admin',
    crDtimes,
    updBy: null,
    updDtimes: null,
    activePolicyCount: 0,
    draftPolicyCount: 0,
    revision: 0,
  };
  return {
    ...keys.policyGroup(id),
    entity: 'PolicyGroup',
    gsi1pk: indexKeys.allPolicyGroups,
    gsi1sk: `${crDtimes}#${id}`,
    gsi2pk: indexKeys.activePolicyGroups,
    gsi2sk: `${crDtimes}#${id}`,
    ...group,
  };
}

test('policies: the lists and a group hold every policy, past the old caps of 5000 (all) and 1000 (per group)', async () => {
  const groupId = 'big-group';
  const count = 5001;
  const inGroup = 1001;
  const policies = Array.from({ length: count }, (_, i): Record<string, unknown> => {
    const crDtimes = secondsBefore('2026-05-01T00:00:00.000Z', count - i);
    const policy: Policy = {
      id: `policy-${pad(i)}`,
      policyGroupId: groupId,
      name: `Policy ${pad(i)}`,
      desc: 'd',
      policyType: 'Auth',
      version: '1.0',
      policies: {},
      schema: null,
      status: 'draft',
      validFromDate: crDtimes,
      validToDate: '2099-01-01T00:00:00.000Z',
      publishDate: null,
      crBy: 'manager',
      crDtimes,
      updBy: null,
      updDtimes: null,
      pendingRequestCount: 0,
      approvedRequestCount: 0,
      revision: 0,
    };
    return {
      ...keys.policy(policy.id),
      entity: 'Policy',
      // Only the group's own list needs more than 1000 of them in it (fewer index writes, a faster test).
      ...(i < inGroup ? { gsi1pk: indexKeys.policiesOfGroup(groupId), gsi1sk: `${crDtimes}#${policy.id}` } : {}),
      gsi2pk: indexKeys.allPolicies,
      gsi2sk: `${crDtimes}#${policy.id}`,
      ...policy,
    };
  });
  await seed([groupItem(groupId, '2026-04-01T00:00:00.000Z'), ...policies]);
  const groups = dynamoPolicyGroupRepository(db.table);
  const readers = { policies: dynamoPolicyRepository(db.table), groups, apiKeys: { hasActiveApiKey: async () => false }, clock };

  const page = await listPolicies(readers, { pageNo: '50', pageSize: '100' });
  assert.equal(page.totalResults, count);
  assert.equal(page.data.length, 1, 'the last page holds the 5001st policy');
  assert.equal((await getPolicyGroup(groups, groupId)).policies.length, inGroup);
});

test('policy groups: search and the active list hold every group, past the old cap of 1000', async () => {
  const count = 1001;
  await seed(Array.from({ length: count }, (_, i) => groupItem(`many-${pad(i)}`, secondsBefore('2026-05-01T00:00:00.000Z', count - i))));
  const groups = dynamoPolicyGroupRepository(db.table);

  const found = await searchPolicyGroups(groups, {
    filters: [{ columnName: 'name', type: 'startsWith', value: 'Group many-' }],
    sort: [{ sortField: 'name', sortType: 'desc' }],
    pagination: { pageStart: 0, pageFetch: 10 },
  });
  assert.equal(found.totalRecord, count);
  assert.equal(found.data?.[0]?.name, `Group many-${pad(count - 1)}`, 'the newest group, the one a cap of 1000 dropped, sorts first');
  assert.equal((await getActivePolicyGroups(groups)).filter((group) => group.name.startsWith('Group many-')).length, count);
});

test('CA certificates: the trust list (also by expiry) and a domain trust store hold every certificate, past the old caps of 5000 and 1000', async () => {
  const count = 5001;
  const inStore = 1001;
  const certificates = Array.from({ length: count }, (_, i): Record<string, unknown> => {
    const certId = `ca-${pad(i)}`;
    const uploadTime = secondsBefore('2026-05-01T00:00:00.000Z', count - i);
    const notAfter = secondsBefore('2026-06-10T00:00:00.000Z', i);
    const cert: CaCertificate = {
      certId,
      partnerDomain: 'AUTH',
      caCertificateType: 'ROOT',
      issuerId: certId,
      subject: `CN=${certId}`,
      issuer: `CN=${certId}`,
      notBefore: '2026-01-01T00:00:00.000Z',
      notAfter,
      thumbprintSha1: certId,
      thumbprintSha256: certId,
      serialNumber: '1',
      pem: '',
      uploadedBy: 'admin',
      uploadTime,
    };
    return {
      ...certificateKeys.caCertificate(certId),
      entity: 'CaCertificate',
      // The domain's trust store only needs more than 1000 (fewer index writes, a faster test).
      ...(i < inStore ? { gsi1pk: certificateKeys.caCertificatesOfDomain('AUTH'), gsi1sk: `${uploadTime}#${certId}` } : {}),
      gsi2pk: certificateKeys.allCaCertificates,
      gsi2sk: `${uploadTime}#${certId}`,
      ...expiryCalendarEntry(notAfter, 'caCertificate', certId),
      ...cert,
    };
  });
  await seed(certificates);
  const deps = { certificates: dynamoCertificateRepository(db.table), clock };

  const all = await listTrustCertificates(deps, { pageNo: '0', pageSize: '10' });
  assert.equal(all.totalResults, count);
  assert.equal(all.data[0]!.certId, 'ca-00000', 'oldest upload first: the certificate a newest-first cap of 5000 dropped');
  const expiring = await listTrustCertificates(deps, { pageNo: '0', pageSize: '10', expiryPeriod: '30' });
  assert.equal(expiring.totalResults, count);
  assert.equal((await deps.certificates.caCertificatesOfDomain('AUTH')).length, inStore);
});

test('admin notifications: the list counts every notification and every dismissal, past the old caps of 1000 and 5000', async () => {
  const admin = { userId: 'admin-user', isAdmin: true };
  const count = 1001;
  const notification = (id: string, crDtimes: string): Record<string, unknown> => {
    const stored: Notification = {
      id,
      partnerId: null,
      notificationType: 'ROOT_CERT_EXPIRY',
      notificationStatus: 'ACTIVE',
      details: notificationDetails({}),
      crBy: 'system',
      crDtimes,
      updBy: null,
      updDtimes: null,
      revision: 0,
    };
    return { ...notificationKeys.notification(id), entity: 'Notification', gsi1pk: notificationKeys.ofAdmins, gsi1sk: `${crDtimes}#${id}`, ...stored };
  };
  const dismissal = (notificationId: string) => ({
    ...notificationKeys.dismissal(admin.userId, notificationId),
    entity: 'NotificationDismissal',
    notificationId,
  });
  const ids = Array.from({ length: count }, (_, i) => `n-${pad(i)}`);
  await seed([
    ...ids.map((id, i) => notification(id, secondsBefore('2026-05-30T00:00:00.000Z', i))),
    // Older than the 60 days notifications are kept (TTL deletion lags): never listed.
    notification('n-expired', '2026-03-01T00:00:00.000Z'),
    // 4000 dismissals that sort before the notifications' own, so a cap of 5000 would have dropped the last of these.
    ...Array.from({ length: 4000 }, (_, i) => dismissal(`a-${pad(i)}`)),
    ...ids.map(dismissal),
  ]);
  const deps = {
    notifications: dynamoNotificationRepository(db.table),
    seen: dynamoSeenTimestamps(db.table),
    partners: { partnersOfUser: async () => [] },
    clock,
  };

  const listed = await listNotifications(deps, admin, { notificationType: 'root', pageNo: '10', pageSize: '100' });
  assert.equal(listed.totalResults, count);
  assert.deepEqual(
    listed.data.map((row) => row.notificationId),
    [`n-${pad(count - 1)}`],
  );
  const dismissed = await listNotifications(deps, admin, { notificationType: 'root', notificationStatus: 'DISMISSED', pageNo: '0', pageSize: '4' });
  assert.equal(dismissed.totalResults, count, 'each one is dismissed');
});

test('audit trail: the total counts every record and the last page holds the oldest, past the old cap of 1000', async () => {
  const count = 1001;
  const records = Array.from({ length: count }, (_, i) => {
    const record: AuditEntry = {
      actor: 'admin',
      action: `change-${pad(i)}`,
      objectType: 'Partner',
      objectId: 'busy-partner',
      outcome: 'SUCCESS',
      at: secondsBefore('2026-05-01T00:00:00.000Z', count - i),
    };
    return { ...keys.audit('Partner', 'busy-partner', record.at, pad(i)), entity: 'Audit', ...record };
  });
  await seed(records);
  const deps = { reader: dynamoAuditTrailReader(db.table) };

  const first = await auditTrail(deps, { objectType: 'Partner', objectId: 'busy-partner', pageNo: '0', pageSize: '100' });
  assert.equal(first.totalResults, count);
  assert.equal(first.data[0]!.action, `change-${pad(count - 1)}`, 'newest first');
  const last = await auditTrail(deps, { objectType: 'Partner', objectId: 'busy-partner', pageNo: '10', pageSize: '100' });
  assert.deepEqual([last.pageNo, last.pageSize, last.totalResults, last.data.map((row) => row.action)], [10, 100, count, ['change-00000']]);
  assert.deepEqual(await auditTrail(deps, { objectType: 'Partner', objectId: 'busy-partner', pageNo: '11', pageSize: '100' }), {
    pageNo: 0,
    pageSize: 0,
    totalResults: 0,
    data: [],
  });
  assert.deepEqual(await auditTrail(deps, { objectType: 'Partner', objectId: 'quiet-partner', pageNo: '0', pageSize: '8' }), {
    pageNo: 0,
    pageSize: 0,
    totalResults: 0,
    data: [],
  });
});

test('outbox sweep: one run relays a backlog larger than one batch of 100, until the outbox is empty', async () => {
  const count = 250;
  const events = Array.from(
    { length: count },
    (_, i) => ({ publishedOn: secondsBefore('2026-05-01T00:00:00.000Z', count - i), event: { id: `event-${pad(i)}` } }) as EventModel,
  );
  await seed(events.map((event) => outboxPut(db.table, event).Put!.Item as Record<string, unknown>));
  const published: string[] = [];
  const relayed = await relayPendingEvents(db.table, { publish: async (batch) => void published.push(...batch.map((event) => event.event.id)) });
  assert.equal(relayed, count);
  assert.deepEqual(
    published,
    events.map((event) => event.event.id),
    'each once, oldest first',
  );
  assert.deepEqual(await pendingOutboxEvents(db.table, 10), []);

  await seed(events.slice(0, 150).map((event) => outboxPut(db.table, event).Put!.Item as Record<string, unknown>));
  assert.equal(await relayPendingEvents(db.table, { publish: async () => {} }, Date.now() - 1), 100, 'a run past its deadline stops after one batch');
  assert.equal((await pendingOutboxEvents(db.table, 100)).length, 50, 'and leaves the rest to the next run');
});
