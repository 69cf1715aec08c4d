// The state of one batch run, built from the server's stream of entry, progress and summary events.
import { SEVERITIES } from './triage.js';

export const IDLE = { status: 'idle', fileName: null, fileSize: 0, startedAt: 0, entries: [], progress: null, summary: null, error: null };

export function batchReducer(state, action) {
  switch (action.type) {
    case 'start':
      return { ...IDLE, status: 'running', fileName: action.file.name, fileSize: action.file.size, startedAt: action.now };
    case 'events': {
      const entries = action.events.filter((event) => event.type === 'entry');
      const progress = action.events.filter((event) => event.type === 'progress').pop() || state.progress;
      const summary = action.events.find((event) => event.type === 'summary') || state.summary;
      return {
        ...state,
        entries: entries.length > 0 ? state.entries.concat(entries) : state.entries,
        progress: { ...progress, at: action.now },
        summary,
      };
    }
    case 'done':
      return { ...state, status: state.summary ? 'done' : 'incomplete', finishedAt: action.now };
    case 'cancelled':
      return { ...state, status: 'cancelled', finishedAt: action.now };
    case 'failed':
      return { ...state, status: 'failed', error: action.error, finishedAt: action.now };
    default:
      return state;
  }
}

/**
 * Throughput and time left so far: lines and entries per second since the upload started, and the bytes
 * still to read at the byte rate seen so far (null until there is a rate to go by).
 */
export function throughput({ progress, startedAt, fileSize, entries }, now) {
  const seconds = Math.max((now - startedAt) / 1000, 0.001);
  const linesRead = progress?.linesRead ?? 0;
  const entriesDone = progress?.entriesDone ?? entries.length;
  const bytesRead = progress?.bytesRead ?? 0;
  const totalBytes = progress?.totalBytes > 0 ? progress.totalBytes : fileSize;
  const fraction = totalBytes > 0 ? Math.min(bytesRead / totalBytes, 1) : 0;
  const bytesPerSecond = bytesRead / seconds;
  return {
    linesRead,
    entriesDone,
    fraction,
    linesPerSecond: linesRead / seconds,
    entriesPerSecond: entriesDone / seconds,
    secondsLeft: bytesPerSecond > 0 && totalBytes > 0 ? Math.max(totalBytes - bytesRead, 0) / bytesPerSecond : null,
  };
}

export const SORTS = {
  stream: { label: 'File order', compare: (a, b) => a.index - b.index },
  riskDesc: { label: 'Risk, highest first', compare: (a, b) => b.analysis.riskScore - a.analysis.riskScore || a.index - b.index },
  riskAsc: { label: 'Risk, lowest first', compare: (a, b) => a.analysis.riskScore - b.analysis.riskScore || a.index - b.index },
};

/** The entries that pass the severity and family filters ('' = any), in the chosen order. */
export function visibleEntries(entries, { severity = '', family = '', sort = 'stream' } = {}) {
  return entries
    .filter((entry) => (!severity || entry.analysis.severity === severity) && (!family || entry.analysis.family === family))
    .sort(SORTS[sort]?.compare ?? SORTS.stream.compare);
}

/** Entry counts by family (most first) and by severity (in severity order), for the chart and the filters. */
export function countsOf(entries) {
  const byFamily = new Map();
  const bySeverity = new Map(SEVERITIES.map((severity) => [severity, 0]));
  entries.forEach(({ analysis }) => {
    byFamily.set(analysis.family, (byFamily.get(analysis.family) || 0) + 1);
    bySeverity.set(analysis.severity, (bySeverity.get(analysis.severity) || 0) + 1);
  });
  return {
    byFamily: [...byFamily].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))),
    bySeverity: [...bySeverity],
  };
}

/** "1m 05s", "42s", "<1s": short enough for a progress line. */
export function formatDuration(seconds) {
  if (seconds === null || !Number.isFinite(seconds)) {
    return '—';
  }
  if (seconds < 1) {
    return '<1s';
  }
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return minutes > 0 ? `${minutes}m ${String(whole % 60).padStart(2, '0')}s` : `${whole}s`;
}

export function formatRate(perSecond) {
  return perSecond >= 100 ? Math.round(perSecond).toLocaleString('en') : perSecond.toFixed(1);
}

/**
 * Collects streamed events and delivers them together at most once per interval, so a fast stream of
 * thousands of entries a second costs a few renders a second. flush() delivers what is left at once.
 */
export function createEventBuffer(deliver, intervalMs = 200) {
  let pending = [];
  let timer = null;
  const flush = () => {
    clearTimeout(timer);
    timer = null;
    if (pending.length > 0) {
      const events = pending;
      pending = [];
      deliver(events);
    }
  };
  return {
    add(events) {
      pending.push(...events);
      if (timer === null) {
        timer = setTimeout(flush, intervalMs);
      }
    },
    flush,
  };
}
