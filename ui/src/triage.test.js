import { describe, expect, it } from 'vitest';
import { highlightSegments, mitreUrl, recommendationSteps } from './triage.js';

describe('ATT&CK links', () => {
  it('links a sub-technique to its page', () => {
    expect(mitreUrl('T1059.007')).toBe('https://attack.mitre.org/techniques/T1059/007/');
    expect(mitreUrl('T1190')).toBe('https://attack.mitre.org/techniques/T1190/');
  });

  it('links nothing for N/A or anything that is not a technique id', () => {
    expect(mitreUrl('N/A')).toBeNull();
    expect(mitreUrl('javascript:alert(1)')).toBeNull();
    expect(mitreUrl(null)).toBeNull();
  });
});

describe('recommendation steps', () => {
  it('splits the numbered recommendation into steps', () => {
    expect(recommendationSteps('1) Block 91.108.4.20 at the WAF 2) Use parameterized queries 3) Review logs')).toEqual([
      'Block 91.108.4.20 at the WAF', 'Use parameterized queries', 'Review logs',
    ]);
  });

  it('keeps unnumbered advice as one step and empty advice as none', () => {
    expect(recommendationSteps('No immediate action required.')).toEqual(['No immediate action required.']);
    expect(recommendationSteps('')).toEqual([]);
  });
});

describe('evidence highlighting', () => {
  const log = 'GET /profile?id=1 OR 1=1-- HTTP/1.1 burpsuite';
  const sqli = { ruleId: 'sqli', family: 'SQL Injection', mitreId: 'T1190', match: 'OR 1=1--', start: 18, end: 26 };

  it('marks the span a finding gives and leaves the rest plain', () => {
    expect(highlightSegments(log, [sqli])).toEqual([
      { text: 'GET /profile?id=1 ', findings: [] },
      { text: 'OR 1=1--', findings: [sqli] },
      { text: ' HTTP/1.1 burpsuite', findings: [] },
    ]);
  });

  it('splits overlapping findings at every boundary without repeating text', () => {
    const wide = { ...sqli, ruleId: 'wide', match: '1 OR 1=1', start: 16, end: 24 };
    const segments = highlightSegments(log, [sqli, wide]);
    expect(segments.map((s) => s.text).join('')).toBe(log);
    expect(segments.find((s) => s.text === 'OR 1=1').findings.map((f) => f.ruleId)).toEqual(['sqli', 'wide']);
  });

  it('finds the match by its text when the offsets do not hold it, and skips what is not in the log', () => {
    const moved = { ...sqli, start: 0, end: 8 };
    const absent = { ...sqli, match: 'UNION SELECT', start: 999, end: 1010 };
    const segments = highlightSegments(log, [moved, absent]);
    expect(segments.filter((s) => s.findings.length > 0).map((s) => s.text)).toEqual(['OR 1=1--']);
  });

  it('returns the log as one plain segment when nothing matched', () => {
    expect(highlightSegments('quiet line', [])).toEqual([{ text: 'quiet line', findings: [] }]);
  });
});
