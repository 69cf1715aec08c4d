import { useMemo, useReducer, useRef, useState } from 'react';
import { analyzeBatch } from '../api.js';
import { IDLE, SORTS, batchReducer, countsOf, createEventBuffer, visibleEntries } from '../batch.js';
import { SEVERITIES } from '../triage.js';
import { BatchChart } from './BatchChart.jsx';
import { DropZone } from './DropZone.jsx';
import { EntryList } from './EntryList.jsx';
import { ExportButtons } from './ExportButtons.jsx';
import { ProgressPanel } from './ProgressPanel.jsx';
import { SummaryPanel } from './SummaryPanel.jsx';

/** Upload a file, watch its entries stream in, filter, sort, chart and export them. */
export function BatchView({ upload = analyzeBatch }) {
  const [state, dispatch] = useReducer(batchReducer, IDLE);
  const [filters, setFilters] = useState({ severity: '', family: '', sort: 'stream' });
  const abort = useRef(null);

  async function start(file) {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    dispatch({ type: 'start', file, now: Date.now() });
    const buffer = createEventBuffer((events) => dispatch({ type: 'events', events, now: Date.now() }));
    try {
      await upload(file, (events) => buffer.add(events), { signal: controller.signal });
      buffer.flush();
      dispatch({ type: 'done', now: Date.now() });
    } catch (failure) {
      buffer.flush();
      if (controller.signal.aborted) {
        dispatch({ type: 'cancelled', now: Date.now() });
      } else {
        dispatch({ type: 'failed', error: failure.message, now: Date.now() });
      }
    }
  }

  const counts = useMemo(() => countsOf(state.entries), [state.entries]);
  const shown = useMemo(() => visibleEntries(state.entries, filters), [state.entries, filters]);
  const setFilter = (name) => (event) => setFilters({ ...filters, [name]: event.target.value });

  return (
    <div className="batch">
      <DropZone onFile={start} disabled={state.status === 'running'} />
      {state.status !== 'idle' && <ProgressPanel state={state} onCancel={() => abort.current?.abort()} />}
      {state.summary && <SummaryPanel summary={state.summary} />}
      {state.entries.length > 0 && (
        <>
          <BatchChart counts={counts} />
          <section className="panel results" aria-label="Results">
            <h2>Entries <span className="count" data-testid="shown-count">{shown.length.toLocaleString('en')}</span>
              {shown.length !== state.entries.length && <span className="hint"> of {state.entries.length.toLocaleString('en')}</span>}
            </h2>
            <div className="filters">
              <label>Severity
                <select value={filters.severity} onChange={setFilter('severity')}>
                  <option value="">Any</option>
                  {SEVERITIES.map((severity) => <option key={severity} value={severity}>{severity}</option>)}
                </select>
              </label>
              <label>Family
                <select value={filters.family} onChange={setFilter('family')}>
                  <option value="">Any</option>
                  {counts.byFamily.map(([family, count]) => <option key={family} value={family}>{family} ({count})</option>)}
                </select>
              </label>
              <label>Sort
                <select value={filters.sort} onChange={setFilter('sort')}>
                  {Object.entries(SORTS).map(([id, { label }]) => <option key={id} value={id}>{label}</option>)}
                </select>
              </label>
            </div>
            <ExportButtons entries={shown} />
            <EntryList entries={shown} />
          </section>
        </>
      )}
    </div>
  );
}
