import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { analysisOf } from '../testing.js';
import { ResultCard } from './ResultCard.jsx';

afterEach(cleanup);

describe('result card', () => {
  it('shows severity, threat type, the linked technique with its name and tactic, and the risk', () => {
    render(<ResultCard analysis={analysisOf({ mitreId: 'T1059.007', mitreName: 'JavaScript', mitreTactic: 'execution' })} log="x" />);
    expect(screen.getByText('CRITICAL')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'SQL Injection — Union/Boolean SQLi' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'T1059.007' }).getAttribute('href')).toBe('https://attack.mitre.org/techniques/T1059/007/');
    expect(screen.getByText(/JavaScript/)).toBeTruthy();
    expect(screen.getByText(/execution/)).toBeTruthy();
    expect(screen.getByRole('meter', { name: 'Risk score' }).getAttribute('aria-valuenow')).toBe('92');
  });

  it('lists the numbered recommendation as steps and shows analyzer and warnings', () => {
    render(<ResultCard analysis={analysisOf({ analyzer: 'hybrid', warnings: ['model unavailable: the embedded detector answered'] })} log="x" />);
    const steps = within(screen.getByRole('list', { name: 'Recommended steps' })).getAllByRole('listitem');
    expect(steps.map((li) => li.textContent)).toEqual(['Block the source at the WAF', 'Use parameterized queries']);
    expect(screen.getByText('hybrid')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Warnings' }).textContent).toContain('model unavailable');
  });

  it('marks the evidence inside the raw log from the finding offsets', () => {
    const log = 'GET /profile?id=1 OR 1=1-- HTTP/1.1';
    const { container } = render(
      <ResultCard analysis={analysisOf({ findings: [{ ruleId: 'sqli', family: 'SQL Injection', mitreId: 'T1190', match: 'OR 1=1--', start: 18, end: 26 }] })} log={log} />,
    );
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['OR 1=1--']);
    expect(container.querySelector('pre').textContent).toBe(log);
  });

  it('shows markup in a log as literal text and creates no element from it', () => {
    const log = '"GET /search?q=<img src=x onerror=alert(1)> HTTP/1.1" 403';
    const finding = { ruleId: 'xss', family: 'XSS', mitreId: 'T1059.007', match: '<img src=x onerror=alert(1)>', start: 15, end: 43 };
    const { container } = render(<ResultCard analysis={analysisOf({ evidence: '<img src=x onerror=alert(1)>', findings: [finding] })} log={log} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('pre').textContent).toBe(log);
    expect(container.querySelector('mark').textContent).toBe('<img src=x onerror=alert(1)>');
    expect(screen.getByText('<img src=x onerror=alert(1)>', { selector: '.evidence' })).toBeTruthy();
  });

  it('links no technique for benign traffic', () => {
    render(<ResultCard analysis={analysisOf({ mitreId: 'N/A', mitreName: 'N/A', mitreTactic: 'N/A', severity: 'LOW' })} log="ok" />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('N/A')).toBeTruthy();
  });
});
