import { useState } from 'react';
import { EXPORT_FORMATS, exportEntries } from '../api.js';

/** Hands a Blob to the browser as a download under the server's file name. */
function download({ blob, filename }) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Export the entries shown (after the filters) in one of the server's formats. */
export function ExportButtons({ entries }) {
  const [busy, setBusy] = useState(null);
  const [error, setError] = useState(null);

  async function exportAs(format) {
    setBusy(format);
    setError(null);
    try {
      download(await exportEntries(entries, format));
    } catch (failure) {
      setError(failure.message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="exports" role="group" aria-label="Export">
      <span className="hint">Export {entries.length.toLocaleString('en')} {entries.length === 1 ? 'entry' : 'entries'}:</span>
      {EXPORT_FORMATS.map(({ id, label }) => (
        <button key={id} type="button" disabled={busy !== null || entries.length === 0} onClick={() => exportAs(id)}>
          {busy === id ? `${label}…` : label}
        </button>
      ))}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
