// Reading the batch endpoint's stream. EventSource cannot POST a file, so the UI reads the response body
// itself: Server-Sent Events (text/event-stream) or NDJSON, decoded into the objects the server sent.

/**
 * An incremental Server-Sent Events decoder: feed it text as it arrives, in chunks cut anywhere, and it calls
 * onMessage({event, data}) once per complete event (WHATWG HTML "event stream interpretation").
 */
export function createSseDecoder(onMessage) {
  let buffer = '';
  let event = '';
  let data = [];

  function dispatch() {
    if (data.length > 0) {
      onMessage({ event: event || 'message', data: data.join('\n') });
    }
    event = '';
    data = [];
  }

  function line(text) {
    if (text === '') {
      dispatch();
      return;
    }
    if (text.startsWith(':')) {
      return;
    }
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'event') {
      event = value;
    } else if (field === 'data') {
      data.push(value);
    }
  }

  return {
    push(chunk) {
      buffer += chunk;
      let end;
      while ((end = buffer.search(/\r\n|\r|\n/)) >= 0) {
        // A lone \r at the very end may be the first half of \r\n: wait for the next chunk.
        if (buffer[end] === '\r' && end === buffer.length - 1) {
          break;
        }
        const breakLength = buffer.startsWith('\r\n', end) ? 2 : 1;
        line(buffer.slice(0, end));
        buffer = buffer.slice(end + breakLength);
      }
    },
    /** The stream ended: an event without its closing blank line is incomplete and dropped, per the spec. */
    end() {
      buffer = '';
      event = '';
      data = [];
    },
  };
}

/** An incremental NDJSON decoder: one JSON value a line, blank lines ignored. */
export function createNdjsonDecoder(onValue) {
  let buffer = '';
  const emit = (text) => {
    if (text.trim() !== '') {
      onValue(JSON.parse(text));
    }
  };
  return {
    push(chunk) {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n')) >= 0) {
        emit(buffer.slice(0, end));
        buffer = buffer.slice(end + 1);
      }
    },
    end() {
      emit(buffer);
      buffer = '';
    },
  };
}

/** A batch event object from one SSE message: its JSON data, typed by the event name when the data has no type. */
export function batchEventOf(message) {
  const value = JSON.parse(message.data);
  if (value && typeof value === 'object' && !value.type && message.event !== 'message') {
    value.type = message.event;
  }
  return value;
}

/**
 * Reads a fetch Response body of batch events to its end. onEvents receives the events decoded from each
 * network chunk together, so a fast stream costs one UI update per chunk rather than one per entry.
 */
export async function readBatchStream(response, onEvents) {
  const ndjson = (response.headers.get('Content-Type') || '').includes('ndjson');
  let pending = [];
  const decoder = ndjson
    ? createNdjsonDecoder((value) => pending.push(value))
    : createSseDecoder((message) => pending.push(batchEventOf(message)));
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const flush = () => {
    if (pending.length > 0) {
      const events = pending;
      pending = [];
      onEvents(events);
    }
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      break;
    }
    decoder.push(value);
    flush();
  }
  decoder.end();
  flush();
}
