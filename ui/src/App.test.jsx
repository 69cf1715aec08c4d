import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './App.jsx';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '#');
});

describe('app', () => {
  it('opens on the single-log view with the batch view hidden', () => {
    render(<App />);
    expect(screen.getByRole('tab', { name: 'Single log' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Single log' })).toBeTruthy();
    expect(screen.queryByRole('tabpanel', { name: 'Batch file' })).toBeNull();
  });

  it('moves between views with the arrow keys, taking focus along', () => {
    render(<App />);
    const single = screen.getByRole('tab', { name: 'Single log' });
    single.focus();
    fireEvent.keyDown(single, { key: 'ArrowRight' });
    const batch = screen.getByRole('tab', { name: 'Batch file' });
    expect(batch.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(batch);
    expect(screen.getByRole('tabpanel', { name: 'Batch file' })).toBeTruthy();
    expect(window.location.hash).toBe('#batch');
  });

  it('keeps only the selected tab in the tab order', () => {
    render(<App />);
    expect(screen.getByRole('tab', { name: 'Single log' }).tabIndex).toBe(0);
    expect(screen.getByRole('tab', { name: 'Batch file' }).tabIndex).toBe(-1);
  });
});
