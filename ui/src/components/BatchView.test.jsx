import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analysisOf, entryOf } from '../testing.js';
import { BatchView } from './BatchView.jsx';

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** A stand-in for the batch endpoint: the test pushes events and ends the stream when it likes. */
function fakeUpload() {
  const fake = { calls: [] };
  fake.upload = (file, onEvents, { signal }) => new Promise((resolve, reject) => {
    fake.calls.push(file);
    fake.push = (...events) => act(() => {
      onEvents(events);
      vi.advanceTimersByTime(1000);
    });
    fake.end = () => act(async () => resolve());
    signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });
  return fake;
}

function choose(name) {
  const file = new File(['a\nb\n'], name, { type: 'text/plain' });
  fireEvent.change(screen.getByLabelText(/Drop a log file here/), { target: { files: [file] } });
  return file;
}

const sqli = (index, riskScore) => entryOf(index, analysisOf({ riskScore }), `GET /?id=${index} OR 1=1--`);
const benign = (index) => entryOf(index, analysisOf({ threatType: 'No Threat Detected — Normal Traffic', family: 'No Threat Detected', severity: 'LOW', riskScore: 5, mitreId: 'N/A' }));

describe('batch view', () => {
  it('shows entries and progress as they stream, then the summary', async () => {
    const fake = fakeUpload();
    render(<BatchView upload={fake.upload} />);
    choose('access.log');
    expect(fake.calls[0].name).toBe('access.log');
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();

    fake.push(sqli(0, 90), { type: 'progress', linesRead: 1, entriesDone: 1, bytesRead: 2, totalBytes: 4 });
    expect(screen.getByTestId('lines-read').textContent).toBe('1');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');
    expect(screen.getByRole('list', { name: 'Entries' }).children).toHaveLength(1);

    fake.push(benign(1), { type: 'progress', linesRead: 2, entriesDone: 2, bytesRead: 4, totalBytes: 4 },
      { type: 'summary', lines: 2, entries: 2, bytes: 4, byFamily: {}, bySeverity: {}, topSources: [], unparsedLines: 0, truncatedLines: 0, cacheHits: 0, cacheHitRate: 0, elapsedMs: 12 });
    await fake.end();
    expect(screen.getByText('Done')).toBeTruthy();
    expect(screen.getByTestId('summary-entries').textContent).toBe('2');
    expect(screen.getByTestId('shown-count').textContent).toBe('2');
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('filters by severity and sorts by risk', async () => {
    const fake = fakeUpload();
    render(<BatchView upload={fake.upload} />);
    choose('a.log');
    fake.push(sqli(0, 80), benign(1), sqli(2, 97));
    await fake.end();

    const entries = () => [...screen.getByRole('list', { name: 'Entries' }).children];
    fireEvent.change(screen.getByLabelText('Sort'), { target: { value: 'riskDesc' } });
    expect(entries().map((li) => li.querySelector('.entry-score').textContent)).toEqual(['97', '80', '5']);

    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'LOW' } });
    expect(entries()).toHaveLength(1);
    expect(screen.getByTestId('shown-count').textContent).toBe('1');
    expect(screen.getByText(/Export 1 entry/)).toBeTruthy();
  });

  it('draws the chart by family and by severity', async () => {
    const fake = fakeUpload();
    render(<BatchView upload={fake.upload} />);
    choose('a.log');
    fake.push(sqli(0, 80), sqli(1, 90), benign(2));
    await fake.end();
    expect(screen.getByRole('img', { name: /Entries by family\. SQL Injection: 2, No Threat Detected: 1/ })).toBeTruthy();
    expect(screen.getByRole('img', { name: /Entries by severity\. LOW: 1, MEDIUM: 0, HIGH: 0, CRITICAL: 2/ })).toBeTruthy();
  });

  it('stops on cancel and keeps what arrived', async () => {
    const fake = fakeUpload();
    render(<BatchView upload={fake.upload} />);
    choose('a.log');
    fake.push(sqli(0, 80));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' })));
    expect(screen.getByText('Cancelled')).toBeTruthy();
    expect(screen.getByTestId('shown-count').textContent).toBe('1');
  });

  it('takes a file dropped on the drop zone', () => {
    const fake = fakeUpload();
    render(<BatchView upload={fake.upload} />);
    const file = new File(['x\n'], 'dropped.txt', { type: 'text/plain' });
    fireEvent.drop(screen.getByText('Drop a log file here').closest('.dropzone'), { dataTransfer: { files: [file] } });
    expect(fake.calls.map((f) => f.name)).toEqual(['dropped.txt']);
  });

  it('refuses a file that is not a log, text or CSV file', () => {
    const fake = fakeUpload();
    render(<BatchView upload={fake.upload} />);
    choose('payload.exe');
    expect(fake.calls).toHaveLength(0);
    expect(screen.getByRole('alert').textContent).toContain('payload.exe');
  });

  it('shows the excerpt of a hostile entry as text', async () => {
    const fake = fakeUpload();
    const { container } = render(<BatchView upload={fake.upload} />);
    choose('a.log');
    fake.push(entryOf(0, analysisOf(), '<img src=x onerror=alert(1)>'));
    await fake.end();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getAllByText('<img src=x onerror=alert(1)>').length).toBeGreaterThan(0);
  });
});
