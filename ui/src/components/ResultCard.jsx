import { forwardRef } from 'react';
import { mitreUrl, recommendationSteps } from '../triage.js';
import { HighlightedLog } from './HighlightedLog.jsx';
import { RiskBar } from './RiskBar.jsx';
import { SeverityBadge } from './SeverityBadge.jsx';

function Technique({ analysis }) {
  const url = mitreUrl(analysis.mitreId);
  return (
    <p className="technique">
      {url ? (
        <a href={url} target="_blank" rel="noopener noreferrer">{analysis.mitreId}</a>
      ) : (
        <span>{analysis.mitreId || 'N/A'}</span>
      )}
      {analysis.mitreName && analysis.mitreName !== 'N/A' && <span> · {analysis.mitreName}</span>}
      {analysis.mitreTactic && analysis.mitreTactic !== 'N/A' && <span className="tactic"> · {analysis.mitreTactic}</span>}
    </p>
  );
}

/** One ThreatAnalysis, with the log it was made from. The heading takes focus when a new result arrives. */
export const ResultCard = forwardRef(function ResultCard({ analysis, log, headingLevel = 2 }, headingRef) {
  const Heading = `h${headingLevel}`;
  const steps = recommendationSteps(analysis.recommendation);
  return (
    <article className={`result-card`} aria-label="Analysis result">
      <header className="result-head">
        <SeverityBadge severity={analysis.severity} />
        <Heading className="threat-type" ref={headingRef} tabIndex={-1}>{analysis.threatType}</Heading>
      </header>
      <Technique analysis={analysis} />
      <RiskBar score={analysis.riskScore} severity={analysis.severity} />
      <section aria-label="Evidence">
        <h3>Evidence</h3>
        <p className="evidence">{analysis.evidence}</p>
        {log != null && <HighlightedLog log={log} findings={analysis.findings} />}
      </section>
      {steps.length > 0 && (
        <section aria-label="Recommendation">
          <h3>Recommendation</h3>
          <ol className="steps" aria-label="Recommended steps">
            {steps.map((step, i) => <li key={i}>{step}</li>)}
          </ol>
        </section>
      )}
      {analysis.warnings?.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {analysis.warnings.map((warning, i) => <li key={i}>{warning}</li>)}
        </ul>
      )}
      <p className="analyzer">Answered by the <strong>{analysis.analyzer}</strong> analyzer
        {analysis.findings?.length > 0 && <> · {analysis.findings.length} rule {analysis.findings.length === 1 ? 'match' : 'matches'}</>}
      </p>
    </article>
  );
});
