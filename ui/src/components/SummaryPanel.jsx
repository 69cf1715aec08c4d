/** The server's closing summary of a run. */
export function SummaryPanel({ summary }) {
  const rows = [
    ['Lines', summary.lines],
    ['Entries', summary.entries],
    ['Bytes', summary.bytes],
    ['Unparsed lines', summary.unparsedLines],
    ['Truncated lines', summary.truncatedLines],
    ['Cache hits', summary.cacheHits != null ? `${summary.cacheHits} (${Math.round((summary.cacheHitRate ?? 0) * 100)}%)` : null],
    ['Elapsed', summary.elapsedMs != null ? `${(summary.elapsedMs / 1000).toFixed(2)} s` : null],
  ].filter(([, value]) => value != null);
  return (
    <section className="panel summary" aria-label="Summary">
      <h2>Summary</h2>
      <dl className="stats" data-testid="summary">
        {rows.map(([name, value]) => (
          <div key={name}><dt>{name}</dt><dd data-testid={`summary-${name.toLowerCase().replace(/\s+/g, '-')}`}>{typeof value === 'number' ? value.toLocaleString('en') : value}</dd></div>
        ))}
      </dl>
      {summary.topSources?.length > 0 && (
        <>
          <h3>Top sources</h3>
          <ol className="sources">
            {summary.topSources.map((source) => <li key={source.source}><code>{source.source}</code> — {source.entries.toLocaleString('en')} {source.entries === 1 ? 'entry' : 'entries'}</li>)}
          </ol>
        </>
      )}
    </section>
  );
}
