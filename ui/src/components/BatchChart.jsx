import { severityClass } from '../triage.js';

const ROW = 22;
const LABEL_WIDTH = 46; // percent of the width given to the labels

/** Horizontal bars, hand-drawn in SVG: one row per [label, count]. */
function Bars({ title, rows, classOf }) {
  const max = Math.max(1, ...rows.map(([, count]) => count));
  const height = rows.length * ROW;
  const description = rows.map(([label, count]) => `${label}: ${count}`).join(', ');
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg width="100%" height={height} role="img" aria-label={`${title}. ${description}`}>
        {rows.map(([label, count], i) => {
          const width = ((100 - LABEL_WIDTH - 8) * count) / max;
          const y = i * ROW;
          return (
            <g key={label}>
              <text x={`${LABEL_WIDTH - 1}%`} y={y + 15} textAnchor="end" className="chart-label">
                {label}
              </text>
              <rect x={`${LABEL_WIDTH}%`} y={y + 4} width={`${width}%`} height={ROW - 8} rx={3} className={`chart-bar ${classOf(label)}`} />
              <text x={`${LABEL_WIDTH + width + 1}%`} y={y + 15} className="chart-count">{count}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Entries by family and by severity. */
export function BatchChart({ counts }) {
  return (
    <section className="panel charts" aria-label="Findings chart">
      <Bars title="Entries by family" rows={counts.byFamily} classOf={(family) => (family === 'No Threat Detected' ? 'benign' : 'family')} />
      <Bars title="Entries by severity" rows={counts.bySeverity} classOf={(severity) => `severity-${severityClass(severity)}`} />
    </section>
  );
}
