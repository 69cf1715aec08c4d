import { useState } from 'react';
import { ResultCard } from './ResultCard.jsx';
import { SeverityBadge } from './SeverityBadge.jsx';

const PAGE = 100;

function lineRange(entry) {
  return entry.firstLine === entry.lastLine ? `line ${entry.firstLine}` : `lines ${entry.firstLine}–${entry.lastLine}`;
}

/** One streamed entry: a summary row that opens (native details, so keyboard and screen readers know it) into its card. */
function EntryRow({ entry }) {
  const { analysis } = entry;
  return (
    <li>
      <details className="entry">
        <summary>
          <SeverityBadge severity={analysis.severity} />
          <span className="entry-score" aria-label={`risk ${analysis.riskScore}`}>{analysis.riskScore}</span>
          <span className="entry-type">{analysis.threatType}</span>
          <span className="entry-where">{[lineRange(entry), entry.logType, entry.source].filter(Boolean).join(' · ')}</span>
          <code className="entry-excerpt">{entry.excerpt}</code>
        </summary>
        <ResultCard analysis={analysis} log={entry.excerpt} headingLevel={3} />
      </details>
    </li>
  );
}

/** The filtered entries, a page at a time so a file of a million entries does not make a million rows. */
export function EntryList({ entries }) {
  const [shown, setShown] = useState(PAGE);
  return (
    <>
      <ol className="entries" aria-label="Entries">
        {entries.slice(0, shown).map((entry) => <EntryRow key={entry.index} entry={entry} />)}
      </ol>
      {entries.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, entries.length - shown)} more of {entries.length - shown} hidden
        </button>
      )}
    </>
  );
}
