import { describe, expect, it, vi } from 'vitest';
import { IDLE, batchReducer, countsOf, createEventBuffer, formatDuration, throughput, visibleEntries } from './batch.js';
import { analysisOf, entryOf } from './testing.js';

const low = (index, riskScore) => entryOf(index, analysisOf({ severity: 'LOW', riskScore, family: 'No Threat Detected' }));
const critical = (index, riskScore) => entryOf(index, analysisOf({ severity: 'CRITICAL', riskScore }));

describe('batch state', () => {
  it('collects entries, keeps the latest progress and the summary', () => {
    let state = batchReducer(IDLE, { type: 'start', file: { name: 'a.log', size: 100 }, now: 0 });
    state = batchReducer(state, { type: 'events', now: 1, events: [critical(0, 90), { type: 'progress', linesRead: 1, bytesRead: 10, totalBytes: 100 }] });
    state = batchReducer(state, { type: 'events', now: 2, events: [low(1, 5), { type: 'progress', linesRead: 2, bytesRead: 100, totalBytes: 100 }, { type: 'summary', entries: 2 }] });
    state = batchReducer(state, { type: 'done', now: 3 });
    expect(state.entries.map((e) => e.index)).toEqual([0, 1]);
    expect(state.progress.linesRead).toBe(2);
    expect(state.summary.entries).toBe(2);
    expect(state.status).toBe('done');
  });

  it('calls a stream that ended without its summary incomplete', () => {
    const state = batchReducer(batchReducer(IDLE, { type: 'start', file: { name: 'a.log', size: 1 }, now: 0 }), { type: 'done', now: 1 });
    expect(state.status).toBe('incomplete');
  });
});

describe('throughput', () => {
  it('gives rates since the start and the time left at the byte rate so far', () => {
    const stats = throughput({ startedAt: 0, fileSize: 0, entries: [], progress: { linesRead: 500, entriesDone: 250, bytesRead: 2500, totalBytes: 10000 } }, 2000);
    expect(stats.linesPerSecond).toBe(250);
    expect(stats.entriesPerSecond).toBe(125);
    expect(stats.fraction).toBe(0.25);
    expect(stats.secondsLeft).toBe(6);
  });

  it('falls back to the file size when the server does not know the total', () => {
    const stats = throughput({ startedAt: 0, fileSize: 200, entries: [], progress: { linesRead: 1, entriesDone: 1, bytesRead: 50, totalBytes: -1 } }, 1000);
    expect(stats.fraction).toBe(0.25);
  });

  it('has no time left to tell before any byte was read', () => {
    expect(throughput({ startedAt: 0, fileSize: 10, entries: [], progress: null }, 10).secondsLeft).toBeNull();
  });
});

describe('filters, sort and counts', () => {
  const entries = [low(0, 10), critical(1, 80), critical(2, 95), low(3, 3)];

  it('filters by severity and family', () => {
    expect(visibleEntries(entries, { severity: 'CRITICAL' }).map((e) => e.index)).toEqual([1, 2]);
    expect(visibleEntries(entries, { family: 'No Threat Detected' }).map((e) => e.index)).toEqual([0, 3]);
  });

  it('sorts by risk both ways and keeps the file order by default', () => {
    expect(visibleEntries(entries, { sort: 'riskDesc' }).map((e) => e.index)).toEqual([2, 1, 0, 3]);
    expect(visibleEntries(entries, { sort: 'riskAsc' }).map((e) => e.index)).toEqual([3, 0, 1, 2]);
    expect(visibleEntries(entries).map((e) => e.index)).toEqual([0, 1, 2, 3]);
  });

  it('counts by family, most first, and by every severity in order', () => {
    const counts = countsOf([...entries, critical(4, 90)]);
    expect(counts.byFamily).toEqual([['SQL Injection', 3], ['No Threat Detected', 2]]);
    expect(counts.bySeverity).toEqual([['LOW', 2], ['MEDIUM', 0], ['HIGH', 0], ['CRITICAL', 3]]);
  });
});

describe('durations', () => {
  it('reads as minutes and seconds', () => {
    expect(formatDuration(65)).toBe('1m 05s');
    expect(formatDuration(42.4)).toBe('42s');
    expect(formatDuration(0.2)).toBe('<1s');
    expect(formatDuration(null)).toBe('—');
  });
});

describe('event buffer', () => {
  it('delivers events together once per interval and the rest on flush', () => {
    vi.useFakeTimers();
    const deliveries = [];
    const buffer = createEventBuffer((events) => deliveries.push(events.map((e) => e.index)), 200);
    buffer.add([{ index: 0 }]);
    buffer.add([{ index: 1 }, { index: 2 }]);
    expect(deliveries).toEqual([]);
    vi.advanceTimersByTime(200);
    buffer.add([{ index: 3 }]);
    buffer.flush();
    vi.advanceTimersByTime(1000);
    expect(deliveries).toEqual([[0, 1, 2], [3]]);
    vi.useRealTimers();
  });
});
