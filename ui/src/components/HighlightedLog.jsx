import { highlightSegments } from '../triage.js';

/**
 * The raw log with the text each finding matched marked. Everything is rendered as React text children,
 * so markup inside a log is shown, never parsed.
 */
export function HighlightedLog({ log, findings, label = 'Raw log with evidence highlighted' }) {
  const segments = highlightSegments(log, findings);
  return (
    <pre className="log" aria-label={label} tabIndex={0}>
      {segments.map((segment, i) =>
        segment.findings.length === 0 ? (
          <span key={i}>{segment.text}</span>
        ) : (
          <mark key={i} title={segment.findings.map((f) => `${f.ruleId} (${f.family}, ${f.mitreId})`).join('\n')}>
            {segment.text}
          </mark>
        ),
      )}
    </pre>
  );
}
