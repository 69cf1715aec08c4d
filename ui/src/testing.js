// Shared fixtures for the component tests: ThreatAnalysis and batch entry events as the API sends them.

export function analysisOf(overrides = {}) {
  return {
    threatType: 'SQL Injection — Union/Boolean SQLi',
    mitreId: 'T1190',
    severity: 'CRITICAL',
    riskScore: 92,
    evidence: "'OR 1=1--' in the id parameter",
    recommendation: '1) Block the source at the WAF 2) Use parameterized queries',
    family: 'SQL Injection',
    mitreName: 'Exploit Public-Facing Application',
    mitreTactic: 'initial-access',
    analyzer: 'rules',
    findings: [],
    warnings: [],
    ...overrides,
  };
}

export function entryOf(index, analysis, excerpt = `line ${index + 1}`) {
  return {
    type: 'entry', index, firstLine: index + 1, lastLine: index + 1, lineCount: 1,
    source: '10.0.0.1', logType: 'access', excerpt, cached: false, analysis,
  };
}
