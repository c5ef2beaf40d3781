/**
 * The scale part of `npm run bench` (`npm run bench -- --only-scale` runs it alone): one DynamoDB Local holds a
 * national-scale table (PMS_BENCH_SCALE × 100 000 partners, 1 000 000 API keys, 50 000 MISP licenses, 5 000
 * pending policy requests) and a small one of the same shape. The admin lists, legacy searches, dashboard counts, a
 * partner-deactivation cascade over 2 000 keys and IDA verification run against both with the real adapters, in
 * process; each answer is checked against what was seeded, and each call reports its time, the DynamoDB calls and
 * items it read, and its ratio to the same call on the small table. A report, never a test.
 */
import { createHash, randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { apiKeyItem, dynamoApiKeyRepository } from '../functions/adapters/dynamodb/api-key-repository.js';
import { createTableContext, type TableContext } from '../functions/adapters/dynamodb/client.js';
import { dynamoListedApiKeys, dynamoPartnerList } from '../functions/adapters/dynamodb/indexed-list.js';
import { apiKeyKeys, indexKeys, mispLicenseKeys } from '../functions/adapters/dynamodb/keys.js';
import { dynamoMispLicenseRepository, mispLicenseItem } from '../functions/adapters/dynamodb/misp-license-repository.js';
import { countedPartitions, counterKeys, startOrCheckCounters } from '../functions/adapters/dynamodb/partition-counts.js';
import { dynamoPartnerRepository, partnerItem } from '../functions/adapters/dynamodb/partner-repository.js';
import { dynamoPendingApprovals } from '../functions/adapters/dynamodb/pending-approvals.js';
import { dynamoPolicyGroupRepository } from '../functions/adapters/dynamodb/policy-group-repository.js';
import { dynamoPolicyRepository } from '../functions/adapters/dynamodb/policy-repository.js';
import { policyRequestItem } from '../functions/adapters/dynamodb/policy-request-repository.js';
import { dynamoVerificationReader } from '../functions/adapters/dynamodb/verification-reader.js';
import { type ApiKey, policySnapshot } from '../functions/domain/api-keys/api-key.js';
import { searchApiKeys } from '../functions/domain/api-keys/legacy-search.js';
import { listApiKeys } from '../functions/domain/api-keys/list.js';
import type { ApiKeyDeps } from '../functions/domain/api-keys/ports.js';
import { credentialHash } from '../functions/domain/credentials.js';
import { LICENSE_KEY_LENGTH, type MispLicense } from '../functions/domain/misp-licenses/misp-license.js';
import type { PartnerStatusDeps } from '../functions/domain/partner-deactivation/ports.js';
import { changePartnerStatus } from '../functions/domain/partners/admin-commands.js';
import { adminDashboardCounts, listAdminPartners } from '../functions/domain/partners/admin-queries.js';
import type { Partner } from '../functions/domain/partners/partner.js';
import { searchPartners } from '../functions/domain/partners/partner-search.js';
import type { PartnerAdminDeps } from '../functions/domain/partners/ports.js';
import { createPolicy, publishPolicy } from '../functions/domain/policies/commands.js';
import type { Policy } from '../functions/domain/policies/policy.js';
import { createPolicyGroup } from '../functions/domain/policy-groups/commands.js';
import type { PolicyRequest } from '../functions/domain/policy-requests/policy-request.js';
import { systemClock } from '../functions/domain/ports.js';
import { verifyPartnerKeys } from '../functions/domain/verification/verify.js';
import { startDynamoDbLocal } from '../local/dynamodb.js';
import { LOCAL_AWS_ENV } from '../local/handler-env.js';
import { ensureTable } from '../local/table.js';
import { bulkWrite } from '../test/support/bulk-write.js';
import { partnerFixture } from '../test/support/domain-objects.js';
import { freePorts } from '../test/support/free-ports.js';
import { emailLookupOf, sealed, testPersonalData } from '../test/support/personal-data.js';

const ADMIN = { userId: 'bench-admin', isAdmin: true };
const MISP_SHARE = 10;
const CASCADE_KEYS = 2000;
const LICENSES_PER_MISP = 5;
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
/** Target: a list page within this many times the same call on the small table. */
const PAGE_TARGET = 10;

/** What one table holds; the small table has the same shape at a size where a page is still full. */
interface Shape {
  partners: number;
  keys: number;
  licenses: number;
  pendingRequests: number;
}

const shapeAt = (scale: number): Shape => ({
  partners: Math.round(100_000 * scale),
  keys: Math.round(1_000_000 * scale),
  licenses: Math.round(50_000 * scale),
  pendingRequests: Math.round(5_000 * scale),
});
const SMALL: Shape = { partners: 100, keys: CASCADE_KEYS + 200, licenses: 50, pendingRequests: 10 };

/** Every 10th partner is a MISP; the others authenticate. Partner 1 holds the cascade's 2 000 keys. */
const partnerIdOf = (index: number) => `bench-partner-${String(index).padStart(6, '0')}`;
const isMisp = (index: number) => index % MISP_SHARE === 0;
const CASCADE_PARTNER = partnerIdOf(1);

/** The authentication partners other than partner 1, by partner count (the keys go round-robin over them). */
const otherAuthPartners = new Map<number, string[]>();

/** Who holds key `index`: the first 2 000 are the cascade partner's, the rest go round-robin over the others. */
function keyOwner(index: number, shape: Shape): string {
  if (index < CASCADE_KEYS) return CASCADE_PARTNER;
  let owners = otherAuthPartners.get(shape.partners);
  if (!owners) {
    owners = Array.from({ length: shape.partners }, (_, i) => i).flatMap((i) => (i > 1 && !isMisp(i) ? [partnerIdOf(i)] : []));
    otherAuthPartners.set(shape.partners, owners);
  }
  return owners[(index - CASCADE_KEYS) % owners.length]!;
}

/** Keys and licenses in their real formats (43 base64url characters; 50 letters and digits), from their index. */
const secretOfKey = (index: number) => createHash('sha256').update(`bench-api-key-${index}`).digest('base64url');
const secretOfLicense = (index: number) => createHash('sha512').update(`bench-license-${index}`).digest('hex').slice(0, LICENSE_KEY_LENGTH);

function at(base: number, index: number): string {
  return new Date(base + index * 10).toISOString();
}

function benchPartner(index: number, groupId: string, base: number): Partner {
  const id = partnerIdOf(index);
  return partnerFixture({
    id,
    userId: id,
    partnerType: isMisp(index) ? 'MISP_Partner' : 'Auth_Partner',
    policyGroupId: groupId,
    organizationName: `Bench org ${index}`,
    emailId: sealed(`${id}@example.org`),
    emailLookup: emailLookupOf(`${id}@example.org`),
    certificateAlias: null,
    crBy: id,
    crDtimes: at(base, index),
  });
}

function benchKey(index: number, shape: Shape, policy: Policy, base: number): ApiKey {
  const secret = secretOfKey(index);
  const partnerId = keyOwner(index, shape);
  return {
    id: `bench-key-${index}`,
    keyHash: credentialHash(secret),
    hint: secret.slice(-4),
    partnerId,
    partnerType: 'Auth_Partner',
    policyId: policy.id,
    label: `key ${index}`,
    isActive: true,
    validFromDatetime: new Date(base).toISOString(),
    validToDatetime: new Date(base + 10 * YEAR_MS).toISOString(),
    policy: policySnapshot(policy),
    crBy: partnerId,
    crDtimes: at(base, index),
    updBy: null,
    updDtimes: null,
    revision: 0,
  };
}

/** The licenses of MISP m are indexes m*5 … m*5+4; only the newest is active, as issuing a license leaves it. */
function benchLicense(index: number, policy: Policy, base: number): MispLicense {
  const secret = secretOfLicense(index);
  const newest = index % LICENSES_PER_MISP === LICENSES_PER_MISP - 1;
  const mispId = partnerIdOf(Math.floor(index / LICENSES_PER_MISP) * MISP_SHARE);
  return {
    id: `bench-license-${index}`,
    keyHash: credentialHash(secret),
    hint: secret.slice(-4),
    mispId,
    policyId: policy.id,
    isActive: newest,
    validFromDatetime: new Date(base).toISOString(),
    validToDatetime: new Date(base + YEAR_MS).toISOString(),
    crBy: mispId,
    crDtimes: at(base, index),
    updBy: null,
    updDtimes: null,
    revision: 0,
  };
}

function benchRequest(index: number, policy: Policy, base: number): PolicyRequest {
  return {
    mappingKey: `bench-request-${index}`,
    partnerId: partnerIdOf(index * 3 + 2),
    policyId: policy.id,
    status: 'InProgress',
    requestDetail: 'bench',
    crBy: 'bench',
    crDtimes: at(base, index),
    updBy: null,
    updDtimes: null,
    revision: 0,
  };
}

/** What a call sent to DynamoDB: calls by command, and the items they read (returned, counted or gotten). */
interface Reads {
  calls: number;
  items: number;
}

function countingTable(table: TableContext, reads: Reads): TableContext {
  return {
    tableName: table.tableName,
    client: new Proxy(table.client, {
      get(target, property, receiver) {
        if (property !== 'send') return Reflect.get(target, property, receiver);
        return async (command: object) => {
          const output = (await target.send(command as never)) as Record<string, unknown>;
          reads.calls += 1;
          const responses = output.Responses as Record<string, unknown[]> | undefined;
          if (typeof output.ScannedCount === 'number') reads.items += output.ScannedCount;
          else if (responses) reads.items += Object.values(responses).reduce((sum, items) => sum + items.length, 0);
          else if (output.Item) reads.items += 1;
          return output;
        };
      },
    }),
  };
}

interface BenchTable {
  shape: Shape;
  reads: Reads;
  keys: ApiKeyDeps;
  admin: PartnerAdminDeps;
  status: PartnerStatusDeps;
  verification: { reader: ReturnType<typeof dynamoVerificationReader>; clock: typeof systemClock };
}

async function seeded(endpoint: string, name: string, shape: Shape): Promise<{ table: BenchTable; seedSeconds: number; counterSeconds: number }> {
  await ensureTable(new DynamoDBClient({ endpoint }), name);
  const plain = createTableContext(name, endpoint);
  const groups = dynamoPolicyGroupRepository(plain);
  const ids = { newId: () => randomUUID() };
  const policyDeps = {
    policies: dynamoPolicyRepository(plain),
    groups,
    apiKeys: { hasActiveApiKey: async () => false },
    clock: systemClock,
    ids,
  };
  const group = await createPolicyGroup({ groups, clock: systemClock, ids }, ADMIN.userId, { name: 'Bench banks', desc: 'bench' });
  const draft = await createPolicy(policyDeps, ADMIN.userId, {
    policyGroupName: 'Bench banks',
    policyType: 'Auth',
    name: 'Bench KYC',
    desc: 'bench',
    version: '1.0',
    policies: { authTokenType: 'policy', allowedAuthTypes: [{ authType: 'otp', mandatory: true }], allowedKycAttributes: [{ attributeName: 'fullName' }] },
  });
  await publishPolicy(policyDeps, ADMIN.userId, draft.id, group.id);
  const policy = (await policyDeps.policies.getPolicy(draft.id))!;

  const base = Date.now() - YEAR_MS / 2;
  const mispCount = Math.ceil(shape.partners / MISP_SHARE);
  const licenses = Math.min(shape.licenses, mispCount * LICENSES_PER_MISP);
  const started = performance.now();
  await bulkWrite(plain, shape.partners, (index) => partnerItem(benchPartner(index, group.id, base)), `${name} partners`);
  await bulkWrite(plain, shape.keys, (index) => apiKeyItem(benchKey(index, shape, policy, base)), `${name} API keys`);
  await bulkWrite(plain, licenses, (index) => mispLicenseItem(benchLicense(index, policy, base)), `${name} MISP licenses`);
  await bulkWrite(
    plain,
    Math.ceil(licenses / LICENSES_PER_MISP),
    (m) => ({
      ...mispLicenseKeys.head(partnerIdOf(m * MISP_SHARE)),
      entity: 'MispLicenseHead',
      mispId: partnerIdOf(m * MISP_SHARE),
      latestId: `bench-license-${m * LICENSES_PER_MISP + LICENSES_PER_MISP - 1}`,
    }),
    `${name} license heads`,
  );
  await bulkWrite(plain, shape.pendingRequests, (index) => policyRequestItem(benchRequest(index, policy, base)), `${name} pending requests`);
  const seedSeconds = (performance.now() - started) / 1000;
  const countersStarted = performance.now();
  if (shape.keys <= COUNTING_LIMIT) await startOrCheckCounters(plain);
  else await seedCounterBases(plain, shape);
  const counterSeconds = (performance.now() - countersStarted) / 1000;

  const reads: Reads = { calls: 0, items: 0 };
  const counted = countingTable(plain, reads);
  const partners = dynamoPartnerRepository(counted);
  const policies = dynamoPolicyRepository(counted);
  const countedGroups = dynamoPolicyGroupRepository(counted);
  const apiKeys = dynamoApiKeyRepository(counted);
  const keys: ApiKeyDeps = {
    apiKeys,
    listedKeys: dynamoListedApiKeys(counted),
    partners,
    policies,
    groups: countedGroups,
    links: { openLink: async () => undefined },
    secrets: { newSecret: () => randomUUID() },
    validityDays: 365,
    activeKeysPerPolicyMax: 10_000,
    clock: systemClock,
    ids,
  };
  const admin: PartnerAdminDeps = {
    partners,
    groups: countedGroups,
    partnerList: dynamoPartnerList(counted),
    personalData: testPersonalData,
    pendingApprovals: dynamoPendingApprovals(counted),
    clock: systemClock,
    ids,
  };
  const status: PartnerStatusDeps = {
    partners,
    groups: countedGroups,
    personalData: testPersonalData,
    licenses: dynamoMispLicenseRepository(counted),
    apiKeys,
    policies,
    clock: systemClock,
    ids,
  };
  return {
    table: { shape: { ...shape, licenses }, reads, keys, admin, status, verification: { reader: dynamoVerificationReader(counted), clock: systemClock } },
    seedSeconds,
    counterSeconds,
  };
}

/**
 * Above COUNTING_LIMIT the counters are started as a bulk import would start them, from the numbers it wrote (the
 * count-partitions job counts each partition, which DynamoDB Local cannot do at this size in useful time).
 */
async function seedCounterBases(table: TableContext, shape: Shape): Promise<void> {
  const seededCounts = new Map<string, number>([
    [indexKeys.allPartners, shape.partners],
    [apiKeyKeys.allApiKeys, shape.keys],
    [indexKeys.requestsInStatus('InProgress'), shape.pendingRequests],
  ]);
  const partitions = countedPartitions();
  await bulkWrite(
    table,
    partitions.length,
    (index) => ({
      ...counterKeys.base(partitions[index]!),
      entity: 'PartitionCounter',
      base: seededCounts.get(partitions[index]!.partition) ?? 0,
      startedAt: new Date().toISOString(),
    }),
    'counter bases',
  );
}

interface Measured<T> {
  ms: number;
  calls: number;
  items: number;
  answer: T;
}

/** The median time of `runs` calls after one warm-up, with the DynamoDB calls and items of one call. */
async function measure<T>(table: BenchTable, runs: number, call: () => Promise<T>): Promise<Measured<T>> {
  let answer = await call();
  const times: number[] = [];
  let calls = 0;
  let items = 0;
  for (let run = 0; run < runs; run++) {
    const before = { ...table.reads };
    const start = performance.now();
    answer = await call();
    times.push(performance.now() - start);
    calls = table.reads.calls - before.calls;
    items = table.reads.items - before.items;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, calls, items, answer };
}

/** One row of the report: the call on both tables, whether the answer is right, and the ratio against its target. */
interface Case<T> {
  name: string;
  runs: number;
  call: (table: BenchTable) => Promise<T>;
  /** What the answer must be on a table of this shape; a text saying what is wrong, or undefined. */
  check: (answer: T, shape: Shape) => string | undefined;
  /** The ratio target against the small table, if this call has one. */
  target?: number;
  /** The call reads a whole list partition (a filter or order no index serves): see WHOLE_READ_LIMIT. */
  readsEverything?: true;
}

/**
 * DynamoDB Local answers each page of a query in time that grows with the partition, so reading a large partition
 * page by page takes time that grows with its square: 10 000 keys in about 2 s, 100 000 not within 10 minutes (on
 * DynamoDB each 1 MB page costs the same: a million keys is about 600 pages). The calls that read a whole partition
 * run only while the large table has at most this many keys; above it they are reported from a run at
 * PMS_BENCH_SCALE=0.01, where they are already over their target.
 */
const WHOLE_READ_LIMIT = 10_000;
/** Up to this many keys the count-partitions job starts the counters (a Select COUNT over each partition). */
const COUNTING_LIMIT = 100_000;

const expectEqual = (what: string, actual: unknown, expected: unknown) =>
  JSON.stringify(actual) === JSON.stringify(expected) ? undefined : `${what} ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`;

function listedKeysOf(shape: Shape): number {
  return shape.keys;
}

const lastPageNo = (total: number, size: number) => Math.max(0, Math.ceil(total / size) - 1);

function cases(): Case<unknown>[] {
  const keyPage = (query: Record<string, string>) => (table: BenchTable) => listApiKeys(table.keys, ADMIN, query);
  const partnerPage = (query: Record<string, string>) => (table: BenchTable) => listAdminPartners(table.admin, query);
  type Page = { totalResults: number; data: unknown[] };
  const all = [
    {
      name: 'admin API keys: first page (10, newest first)',
      runs: 9,
      call: keyPage({ pageNo: '0', pageSize: '10' }),
      check: (page: Page, shape: Shape) => expectEqual('total', [page.totalResults, page.data.length], [listedKeysOf(shape), 10]),
      target: PAGE_TARGET,
    },
    {
      name: 'admin API keys: sorted page (createdDateTime asc, page 3)',
      runs: 9,
      call: keyPage({ pageNo: '3', pageSize: '10', sortFieldName: 'createdDateTime', sortType: 'asc' }),
      check: (page: { totalResults: number; data: { apiKeyId: string }[] }, shape: Shape) =>
        expectEqual('total and first row', [page.totalResults, page.data[0]?.apiKeyId], [listedKeysOf(shape), 'bench-key-30']),
      target: PAGE_TARGET,
    },
    {
      name: 'admin API keys: last page',
      runs: 9,
      call: (table: BenchTable) => listApiKeys(table.keys, ADMIN, { pageNo: String(lastPageNo(listedKeysOf(table.shape), 10)), pageSize: '10' }),
      check: (page: { totalResults: number; data: { apiKeyId: string }[] }, shape: Shape) =>
        expectEqual('total and last row', [page.totalResults, page.data.at(-1)?.apiKeyId], [listedKeysOf(shape), 'bench-key-0']),
      target: PAGE_TARGET,
    },
    {
      name: `admin API keys: filtered page (partnerId LIKE, the partner with ${CASCADE_KEYS} keys)`,
      readsEverything: true,
      runs: 1,
      call: keyPage({ pageNo: '0', pageSize: '10', partnerId: CASCADE_PARTNER }),
      check: (page: Page) => expectEqual('total', page.totalResults, CASCADE_KEYS),
      target: PAGE_TARGET,
    },
    {
      name: 'admin partners: first page (10, oldest first)',
      runs: 9,
      call: partnerPage({ pageNo: '0', pageSize: '10' }),
      check: (page: Page, shape: Shape) => expectEqual('total', [page.totalResults, page.data.length], [shape.partners, 10]),
      target: PAGE_TARGET,
    },
    {
      name: 'admin partners: sorted page (createdDateTime desc)',
      runs: 9,
      call: partnerPage({ pageNo: '0', pageSize: '10', sortFieldName: 'createdDateTime', sortType: 'desc' }),
      check: (page: { totalResults: number; data: { partnerId: string }[] }, shape: Shape) =>
        expectEqual('total and first row', [page.totalResults, page.data[0]?.partnerId], [shape.partners, partnerIdOf(shape.partners - 1)]),
      target: PAGE_TARGET,
    },
    {
      name: 'admin partners: last page',
      runs: 9,
      call: (table: BenchTable) => listAdminPartners(table.admin, { pageNo: String(lastPageNo(table.shape.partners, 10)), pageSize: '10' }),
      check: (page: { totalResults: number; data: { partnerId: string }[] }, shape: Shape) =>
        expectEqual('total and last row', [page.totalResults, page.data.at(-1)?.partnerId], [shape.partners, partnerIdOf(shape.partners - 1)]),
      target: PAGE_TARGET,
    },
    {
      name: 'admin partners: filtered page (partnerType LIKE MISP)',
      readsEverything: true,
      runs: 1,
      call: partnerPage({ pageNo: '0', pageSize: '10', partnerType: 'MISP' }),
      check: (page: Page, shape: Shape) => expectEqual('total', page.totalResults, Math.ceil(shape.partners / MISP_SHARE)),
      target: PAGE_TARGET,
    },
    {
      name: 'legacy key search: partnerId filter (exact, as MOSIP), first page',
      runs: 5,
      call: (table: BenchTable) =>
        searchApiKeys(table.keys, ADMIN, {
          filters: [{ columnName: 'partnerId', type: 'equals', value: CASCADE_PARTNER }],
          sort: [],
          pagination: { pageStart: 0, pageFetch: 10 },
        }),
      check: (page: { totalRecord: number }) => expectEqual('total', page.totalRecord, CASCADE_KEYS),
      target: PAGE_TARGET,
    },
    {
      name: 'legacy key search: no filter, first page (every key read)',
      readsEverything: true,
      runs: 1,
      call: (table: BenchTable) => searchApiKeys(table.keys, ADMIN, { filters: [], sort: [], pagination: { pageStart: 0, pageFetch: 10 } }),
      check: (page: { totalRecord: number }, shape: Shape) => expectEqual('total', page.totalRecord, shape.keys),
      target: PAGE_TARGET,
    },
    {
      name: 'legacy partner search: partnerTypeCode MISP_Partner, first page (every partner read)',
      readsEverything: true,
      runs: 3,
      call: (table: BenchTable) =>
        searchPartners(table.admin.partners, table.admin.personalData, ADMIN, {
          filters: [],
          sort: [],
          pagination: { pageStart: 0, pageFetch: 10 },
          partnerType: 'MISP_Partner',
        }),
      check: (page: { totalRecord: number }, shape: Shape) => expectEqual('total', page.totalRecord, Math.ceil(shape.partners / MISP_SHARE)),
      target: PAGE_TARGET,
    },
    {
      name: 'dashboard counts',
      runs: 9,
      call: (table: BenchTable) => adminDashboardCounts(table.admin),
      check: (counts: { pendingPartnerPolicyRequests: number }, shape: Shape) =>
        expectEqual('pending requests', counts.pendingPartnerPolicyRequests, shape.pendingRequests),
      target: PAGE_TARGET,
    },
    {
      name: 'IDA verification (API key + MISP license)',
      runs: 31,
      call: (table: BenchTable) =>
        verifyPartnerKeys(table.verification, {
          partnerId: keyOwner(CASCADE_KEYS + 5, table.shape),
          apiKey: secretOfKey(CASCADE_KEYS + 5),
          mispLicenseKey: secretOfLicense(LICENSES_PER_MISP - 1),
        }),
      check: (answer: unknown) => (answer && typeof answer === 'object' ? undefined : `answer ${JSON.stringify(answer)}`),
      target: 2,
    },
  ];
  return all as unknown as Case<unknown>[];
}

/** The cascade runs once per table (it changes what it runs on), last. */
async function cascade(table: BenchTable): Promise<Measured<number>> {
  const before = { ...table.reads };
  const start = performance.now();
  await changePartnerStatus(table.status, ADMIN, CASCADE_PARTNER, 'De-Active');
  const ms = performance.now() - start;
  const keys = await table.status.apiKeys.keysOfPartner(CASCADE_PARTNER);
  return { ms, calls: table.reads.calls - before.calls, items: table.reads.items - before.items, answer: keys.filter((key) => key.isActive).length };
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`);

export async function scaleBench(scale = Number(process.env.PMS_BENCH_SCALE ?? 1)): Promise<{ seeding: string[][]; calls: string[][] }> {
  Object.assign(process.env, LOCAL_AWS_ENV);
  const [port] = await freePorts(1);
  const dynamodb = await startDynamoDbLocal({ port: port! });
  try {
    const small = await seeded(dynamodb.endpoint, 'pms-bench-small', SMALL);
    const large = await seeded(dynamodb.endpoint, 'pms-bench-large', shapeAt(scale));
    const seeding = [
      [
        'large table',
        `${large.table.shape.partners} partners, ${large.table.shape.keys} API keys, ${large.table.shape.licenses} MISP licenses, ${large.table.shape.pendingRequests} pending requests`,
      ],
      ['seeding the large table (BatchWriteItem, 8 writers)', fmt(large.seedSeconds * 1000)],
      [
        large.table.shape.keys <= COUNTING_LIMIT
          ? 'starting its counters (count-partitions job: Select COUNT over each counted partition)'
          : 'starting its counters (bases written from the seeded numbers, as a bulk import would)',
        fmt(large.counterSeconds * 1000),
      ],
      [
        'small table',
        `${SMALL.partners} partners, ${SMALL.keys} API keys, ${small.table.shape.licenses} MISP licenses, ${SMALL.pendingRequests} pending requests`,
      ],
    ];
    const calls: string[][] = [];
    for (const benchCase of cases()) {
      if (benchCase.readsEverything && large.table.shape.keys > WHOLE_READ_LIMIT) {
        calls.push([benchCase.name, 'not run at this size (reads the whole partition; see PMS_BENCH_SCALE=0.01)', '', '', '', '', '']);
        continue;
      }
      process.stderr.write(`bench: scale: ${benchCase.name}\n`);
      const onSmall = await measure(small.table, benchCase.runs, () => benchCase.call(small.table));
      const onLarge = await measure(large.table, benchCase.runs, () => benchCase.call(large.table));
      const wrong = benchCase.check(onLarge.answer, large.table.shape) ?? benchCase.check(onSmall.answer, small.table.shape);
      const ratio = onLarge.ms / onSmall.ms;
      const row = [
        benchCase.name,
        wrong ? `WRONG: ${wrong}` : 'correct',
        fmt(onSmall.ms),
        fmt(onLarge.ms),
        `${onLarge.calls} calls, ${onLarge.items} items`,
        `${ratio.toFixed(1)}×`,
        benchCase.target === undefined ? '' : ratio <= benchCase.target ? `within ${benchCase.target}×` : `OVER ${benchCase.target}×`,
      ];
      process.stderr.write(`bench: scale: ${row.join(' | ')}\n`);
      calls.push(row);
    }
    process.stderr.write('bench: scale: deactivation cascade\n');
    const cascadeSmall = await cascade(small.table);
    const cascadeLarge = await cascade(large.table);
    const cascadeRatio = cascadeLarge.ms / cascadeSmall.ms;
    calls.push([
      `partner deactivation cascade (${CASCADE_KEYS} keys, one transaction each)`,
      cascadeLarge.answer === 0 && cascadeSmall.answer === 0 ? 'correct' : `WRONG: ${cascadeLarge.answer} keys left active`,
      fmt(cascadeSmall.ms),
      fmt(cascadeLarge.ms),
      `${cascadeLarge.calls} calls, ${cascadeLarge.items} items`,
      `${cascadeRatio.toFixed(1)}×`,
      '',
    ]);
    return { seeding, calls };
  } finally {
    await dynamodb.stop();
  }
}
