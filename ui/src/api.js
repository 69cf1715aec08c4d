// The OpenSOC HTTP API (v1), as the UI calls it. Every failure becomes an ApiError carrying the server's
// RFC 9457 problem (title, detail, status) when there is one.
import { readBatchStream } from './stream.js';

export const ANALYZERS = ['auto', 'rules', 'llm', 'hybrid'];
export const EXPORT_FORMATS = [
  { id: 'csv', label: 'CSV' },
  { id: 'jsonl', label: 'JSON Lines' },
  { id: 'ecs', label: 'ECS' },
  { id: 'ocsf', label: 'OCSF' },
];

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
    this.title = title;
    this.detail = detail;
  }
}

async function failure(response) {
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // Not problem JSON (a proxy's error page, say): the status line is all there is.
  }
  return new ApiError(response.status, problem.title || response.statusText || `HTTP ${response.status}`, problem.detail);
}

async function send(url, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, 'The service cannot be reached', error.message);
  }
  if (!response.ok) {
    throw await failure(response);
  }
  return response;
}

/** POST /api/v1/analyze: one entry, one ThreatAnalysis. */
export async function analyzeEntry(log, analyzer = 'auto', { signal } = {}) {
  const response = await send(`/api/v1/analyze?analyzer=${encodeURIComponent(analyzer)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ log }),
    signal,
  });
  return response.json();
}

/** POST /api/v1/analyze/batch: uploads the file and hands on its entry, progress and summary events as they stream. */
export async function analyzeBatch(file, onEvents, { signal } = {}) {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await send('/api/v1/analyze/batch', {
    method: 'POST',
    headers: { Accept: 'text/event-stream' },
    body: form,
    signal,
  });
  await readBatchStream(response, onEvents);
}

const ATTACHMENT_NAME = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i;

/** POST /api/v1/export: the entry events as NDJSON in, the export file out. */
export async function exportEntries(entries, format) {
  const response = await send(`/api/v1/export?format=${encodeURIComponent(format)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-ndjson' },
    body: entries.map((entry) => JSON.stringify(entry)).join('\n') + '\n',
  });
  const named = ATTACHMENT_NAME.exec(response.headers.get('Content-Disposition') || '');
  const fallback = `opensoc-export.${format === 'csv' ? 'csv' : 'jsonl'}`;
  return { blob: await response.blob(), filename: named ? decodeURIComponent(named[1]) : fallback };
}
