import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analysisOf } from '../testing.js';
import { SingleView } from './SingleView.jsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function answering(status, body, contentType = 'application/json') {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('single view', () => {
  it('sends the sample entry with the chosen analyzer and shows the verdict, focusing it', async () => {
    const fetch = answering(200, analysisOf());
    render(<SingleView />);
    fireEvent.click(screen.getByRole('button', { name: 'SQL injection' }));
    fireEvent.change(screen.getByLabelText('Analyzer'), { target: { value: 'rules' } });
    fireEvent.click(screen.getByRole('button', { name: 'Analyze' }));

    const heading = await screen.findByRole('heading', { name: 'SQL Injection — Union/Boolean SQLi' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/v1/analyze?analyzer=rules');
    expect(JSON.parse(init.body).log).toContain('OR 1=1--');
  });

  it('shows the problem the service answered', async () => {
    answering(503, { type: 'model-unavailable', title: 'Model Unavailable', status: 503, detail: 'Ollama did not answer' }, 'application/problem+json');
    render(<SingleView />);
    fireEvent.change(screen.getByLabelText(/Log entry/), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Analyze' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Model Unavailable: Ollama did not answer');
  });

  it('keeps Analyze disabled while the entry is blank', () => {
    render(<SingleView />);
    expect(screen.getByRole('button', { name: 'Analyze' }).disabled).toBe(true);
  });
});
