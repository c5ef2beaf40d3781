import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eventLogPath, publishEvent, readEvents } from '../../local/event-log.js';

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
    const path = eventLogPath(dataDir);
    const at = new Date('2026-01-02T03:04:05.000Z');
    publishEvent(path, { source: 'mosip.pms', detailType: 'PolicyGroupCreated', detail: { id: 'g1' } }, at);
    publishEvent(path, { source: 'mosip.pms', detailType: 'PolicyGroupUpdated', detail: { id: 'g1', text: 'line\nbreak' } }, at);

    assert.equal(readFileSync(path, 'utf8').split('\n').filter(Boolean).length, 2);
    assert.deepEqual(readEvents(path), [
      { time: '2026-01-02T03:04:05.000Z', source: 'mosip.pms', detailType: 'PolicyGroupCreated', detail: { id: 'g1' } },
      { time: '2026-01-02T03:04:05.000Z', source: 'mosip.pms', detailType: 'PolicyGroupUpdated', detail: { id: 'g1', text: 'line\nbreak' } },
    ]);
  });
});
