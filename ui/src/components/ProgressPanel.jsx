import { useEffect, useState } from 'react';
import { formatDuration, formatRate, throughput } from '../batch.js';

const STATUS_TEXT = {
  running: 'Analyzing',
  done: 'Done',
  cancelled: 'Cancelled',
  failed: 'Failed',
  incomplete: 'Stream ended without a summary',
};

/** Live progress of a run; while it runs it re-reads the clock each second so the rates keep moving. */
export function ProgressPanel({ state, onCancel }) {
  const running = state.status === 'running';
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) {
      return undefined;
    }
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);

  const at = running ? Math.max(now, state.progress?.at ?? 0) : state.finishedAt ?? now;
  const stats = throughput(state, at);
  const fraction = state.status === 'done' ? 1 : stats.fraction;
  const percent = Math.round(fraction * 100);

  return (
    <section className="panel progress" aria-label="Progress">
      <div className="progress-head">
        <p><strong>{STATUS_TEXT[state.status]}</strong> {state.fileName}</p>
        {running && <button type="button" className="danger" onClick={onCancel}>Cancel</button>}
      </div>
      <div className="bar" role="progressbar" aria-label="Upload analysed" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <dl className="stats">
        <div><dt>Progress</dt><dd data-testid="percent">{percent}%</dd></div>
        <div><dt>Lines</dt><dd data-testid="lines-read">{stats.linesRead.toLocaleString('en')}</dd></div>
        <div><dt>Entries</dt><dd data-testid="entries-done">{stats.entriesDone.toLocaleString('en')}</dd></div>
        <div><dt>Lines/s</dt><dd>{formatRate(stats.linesPerSecond)}</dd></div>
        <div><dt>Entries/s</dt><dd>{formatRate(stats.entriesPerSecond)}</dd></div>
        <div><dt>Time left</dt><dd>{running ? formatDuration(stats.secondsLeft) : '—'}</dd></div>
      </dl>
      {state.error && <p className="error" role="alert">{state.error}</p>}
    </section>
  );
}
