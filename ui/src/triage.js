// Pure helpers that turn a ThreatAnalysis into what the page shows.

export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

const TECHNIQUE_ID = /^T\d{4}(?:\.\d{3})?$/;

/** The ATT&CK page of a technique id (T1059.007 → .../techniques/T1059/007/), or null for N/A and anything malformed. */
export function mitreUrl(mitreId) {
  if (!mitreId || !TECHNIQUE_ID.test(mitreId)) {
    return null;
  }
  return `https://attack.mitre.org/techniques/${mitreId.replace('.', '/')}/`;
}

const STEP_NUMBER = /(?:^|\s)\d{1,2}\)\s+/g;

/** "1) Block the source 2) Review the logs" → ["Block the source", "Review the logs"]; unnumbered text is one step. */
export function recommendationSteps(recommendation) {
  if (!recommendation || !recommendation.trim()) {
    return [];
  }
  const steps = recommendation.split(STEP_NUMBER).map((step) => step.trim()).filter(Boolean);
  return steps.length > 0 ? steps : [recommendation.trim()];
}

/** Where a finding lies in the log: its offsets when they hold its match, else the match's first occurrence. */
function spanOf(log, finding) {
  const { start, end, match } = finding;
  if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= log.length
      && (!match || log.slice(start, end) === match)) {
    return [start, end];
  }
  const at = match ? log.indexOf(match) : -1;
  return at >= 0 ? [at, at + match.length] : null;
}

/**
 * The log cut into consecutive segments, each {text, findings}: findings lists the findings that cover the
 * segment (empty for plain text). Overlapping findings split the text at every boundary, so nothing is
 * shown twice and the segments always join back into the log.
 */
export function highlightSegments(log, findings = []) {
  const spans = findings
    .map((finding) => ({ finding, span: spanOf(log, finding) }))
    .filter((item) => item.span !== null);
  const cuts = new Set([0, log.length]);
  spans.forEach(({ span }) => {
    cuts.add(span[0]);
    cuts.add(span[1]);
  });
  const points = [...cuts].sort((a, b) => a - b);
  const segments = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const covering = spans.filter(({ span }) => span[0] <= from && to <= span[1]).map(({ finding }) => finding);
    const previous = segments[segments.length - 1];
    if (previous && previous.findings.length === 0 && covering.length === 0) {
      previous.text += log.slice(from, to);
    } else {
      segments.push({ text: log.slice(from, to), findings: covering });
    }
  }
  return segments;
}

/** Severity as a CSS-friendly token. */
export function severityClass(severity) {
  return SEVERITIES.includes(severity) ? severity.toLowerCase() : 'unknown';
}
