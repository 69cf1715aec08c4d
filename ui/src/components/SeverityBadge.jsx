import { severityClass } from '../triage.js';

export function SeverityBadge({ severity }) {
  return <span className={`badge severity-${severityClass(severity)}`}>{severity ?? 'UNKNOWN'}</span>;
}
