import { severityClass } from '../triage.js';

/** The 0-100 risk score as a filled bar, coloured by severity band. */
export function RiskBar({ score, severity, compact = false }) {
  const value = Math.max(0, Math.min(100, Number(score) || 0));
  return (
    <div className={`risk ${compact ? 'risk-compact' : ''}`}>
      <div
        className="risk-track"
        role="meter"
        aria-label="Risk score"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value} out of 100`}
      >
        <div className={`risk-fill severity-${severityClass(severity)}`} style={{ width: `${value}%` }} />
      </div>
      <span className="risk-value">{value}<span className="risk-max">/100</span></span>
    </div>
  );
}
