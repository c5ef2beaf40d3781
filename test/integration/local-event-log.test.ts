import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eventModel, POLICY_SERVICE } from '../../functions/domain/events/event-model.js';
import { eventLogPath, openEventLog, readEvents } from '../../local/event-log.js';

const at = new Date('2026-01-02T03:04:05.000Z');
const created = eventModel(POLICY_SERVICE, 'POLICY_UPDATED', { policyData: { policyId: 'p1' } }, at, 'event-1');
const updated = eventModel(POLICY_SERVICE, 'POLICY_UPDATED', { policyData: { policyId: 'p1', text: 'line\nbreak' } }, at, 'event-2');

describe('local event log', () => {
  let dataDir: string;

  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'pms-events-'));
  });

  after(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads nothing before anything is published', () => {
    assert.deepEqual(readEvents(eventLogPath(join(dataDir, 'never-written'))), []);
  });

  it('appends one JSON line per event and reads them back in order, with the publication time', () => {
    const path = eventLogPath(join(dataDir, 'in-order'));
    const log = openEventLog(path);
    assert.equal(log.append(created, at), true);
    assert.equal(log.append(updated, at), true);

    assert.equal(readFileSync(path, 'utf8').split('\n').filter(Boolean).length, 2);
    assert.deepEqual(readEvents(path), [
      { time: '2026-01-02T03:04:05.000Z', ...created },
      { time: '2026-01-02T03:04:05.000Z', ...updated },
    ]);
  });

  it('records each event id once, also across a reopened log (a relay started again after a crash)', () => {
    const path = eventLogPath(join(dataDir, 'de-duplicated'));
    const log = openEventLog(path);
    assert.equal(log.append(created, at), true);
    assert.equal(log.append(created, new Date()), false);

    const reopened = openEventLog(path);
    assert.equal(reopened.append(created, new Date()), false);
    assert.equal(reopened.append(updated, at), true);

    assert.deepEqual(
      readEvents(path).map((logged) => [logged.time, (logged.event as { id: string }).id]),
      [
        ['2026-01-02T03:04:05.000Z', 'event-1'],
        ['2026-01-02T03:04:05.000Z', 'event-2'],
      ],
    );
  });
});
