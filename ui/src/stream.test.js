import { describe, expect, it } from 'vitest';
import { createNdjsonDecoder, createSseDecoder, readBatchStream } from './stream.js';

function sse(...chunks) {
  const messages = [];
  const decoder = createSseDecoder((message) => messages.push(message));
  chunks.forEach((chunk) => decoder.push(chunk));
  decoder.end();
  return messages;
}

function responseOf(chunks, contentType = 'text/event-stream') {
  const encoder = new TextEncoder();
  const body = new ReadableStream({
    start(controller) {
      chunks.forEach((chunk) => controller.enqueue(encoder.encode(chunk)));
      controller.close();
    },
  });
  return new Response(body, { headers: { 'Content-Type': contentType } });
}

describe('SSE decoding', () => {
  it('decodes named events with their data', () => {
    expect(sse('event: entry\ndata: {"index":1}\n\nevent: summary\ndata: {"entries":1}\n\n')).toEqual([
      { event: 'entry', data: '{"index":1}' },
      { event: 'summary', data: '{"entries":1}' },
    ]);
  });

  it('reassembles an event cut anywhere across chunks, including inside a CRLF', () => {
    expect(sse('event: en', 'try\r', '\ndata: {"a"', ':1}\r\n\r', '\n')).toEqual([{ event: 'entry', data: '{"a":1}' }]);
  });

  it('joins multi-line data, skips comments and ignores id and retry fields', () => {
    expect(sse(': keep-alive\n\nid: 7\nretry: 10\ndata: one\ndata: two\n\n')).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });

  it('drops an event that the stream ended before finishing', () => {
    expect(sse('data: {"complete":true}\n\ndata: {"half":')).toEqual([{ event: 'message', data: '{"complete":true}' }]);
  });
});

describe('NDJSON decoding', () => {
  it('parses one value per line, across chunks, with a last line lacking its newline', () => {
    const values = [];
    const decoder = createNdjsonDecoder((value) => values.push(value));
    ['{"type":"entry","in', 'dex":0}\n\n{"type":"sum', 'mary"}'].forEach((chunk) => decoder.push(chunk));
    decoder.end();
    expect(values).toEqual([{ type: 'entry', index: 0 }, { type: 'summary' }]);
  });
});

describe('reading a batch response', () => {
  it('hands on the events of an SSE body, typed by event name when the data has no type', async () => {
    const batches = [];
    await readBatchStream(
      responseOf(['event: entry\ndata: {"type":"entry","index":0}\n\n', 'event: progress\ndata: {"linesRead":3}\n\n']),
      (events) => batches.push(events),
    );
    expect(batches.flat()).toEqual([{ type: 'entry', index: 0 }, { type: 'progress', linesRead: 3 }]);
  });

  it('reads an NDJSON body when the server answers with NDJSON', async () => {
    const batches = [];
    await readBatchStream(responseOf(['{"type":"entry","index":0}\n{"type":"summary","entries":1}\n'], 'application/x-ndjson'),
      (events) => batches.push(events));
    expect(batches.flat().map((event) => event.type)).toEqual(['entry', 'summary']);
  });

  it('keeps multi-byte characters split between chunks intact', async () => {
    const bytes = new TextEncoder().encode('data: {"type":"entry","excerpt":"é — ✓"}\n\n');
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(bytes.slice(0, 33));
        controller.enqueue(bytes.slice(33));
        controller.close();
      },
    });
    const events = [];
    await readBatchStream(new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }), (batch) => events.push(...batch));
    expect(events).toEqual([{ type: 'entry', excerpt: 'é — ✓' }]);
  });
});
