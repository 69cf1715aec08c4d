import { useEffect, useRef, useState } from 'react';
import { ANALYZERS, analyzeEntry } from '../api.js';
import { SAMPLES } from '../samples.js';
import { ResultCard } from './ResultCard.jsx';

/** Paste or pick one entry, analyze it, read the verdict. */
export function SingleView() {
  const [log, setLog] = useState('');
  const [analyzer, setAnalyzer] = useState('auto');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  const headingRef = useRef(null);

  useEffect(() => {
    if (result) {
      headingRef.current?.focus();
    }
  }, [result]);

  async function submit(event) {
    event?.preventDefault();
    if (!log.trim() || busy) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const analysis = await analyzeEntry(log, analyzer);
      setResult({ analysis, log });
    } catch (failure) {
      setResult(null);
      setError(failure.message);
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      submit(event);
    }
  }

  return (
    <div className="single">
      <form className="panel" onSubmit={submit} aria-label="Analyze one log entry">
        <label htmlFor="log-entry">Log entry</label>
        <textarea
          id="log-entry"
          value={log}
          onChange={(event) => setLog(event.target.value)}
          onKeyDown={onKeyDown}
          rows={8}
          spellCheck={false}
          placeholder='91.108.4.20 - - [16/Mar/2025:01:05:33] "GET /profile?id=1 OR 1=1-- HTTP/1.1" 403 …'
          aria-describedby="log-entry-help"
        />
        <p id="log-entry-help" className="hint">One entry; several lines are fine. Ctrl+Enter analyzes. The text goes to this OpenSOC service only.</p>
        <fieldset className="samples">
          <legend>Samples</legend>
          {SAMPLES.map((sample) => (
            <button key={sample.id} type="button" className="chip" onClick={() => setLog(sample.log)}>
              {sample.label}
            </button>
          ))}
        </fieldset>
        <div className="actions">
          <label className="inline" htmlFor="analyzer">Analyzer</label>
          <select id="analyzer" value={analyzer} onChange={(event) => setAnalyzer(event.target.value)}>
            {ANALYZERS.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
          <button type="submit" className="primary" disabled={busy || !log.trim()}>
            {busy ? 'Analyzing…' : 'Analyze'}
          </button>
        </div>
      </form>
      <div className="single-result" aria-live="polite" aria-busy={busy}>
        {error && <p className="error" role="alert">{error}</p>}
        {result && <ResultCard ref={headingRef} analysis={result.analysis} log={result.log} />}
        {!result && !error && <p className="placeholder">Pick a sample or paste an entry, then Analyze.</p>}
      </div>
    </div>
  );
}
