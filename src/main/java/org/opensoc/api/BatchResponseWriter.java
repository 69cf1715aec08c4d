package org.opensoc.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * The response of a batch as a {@link Writer} for the worker thread. Text is gathered and sent in chunks of
 * {@link #CHUNK} characters, or sooner on {@link #flush()}; the status and headers go out with the first chunk,
 * so an error found before any output can still be answered as a problem. When the client's socket is full
 * the worker waits for it to drain; when the client is gone every write fails with
 * {@link CancellationException}, which stops the batch.
 */
final class BatchResponseWriter extends Writer {

    static final int CHUNK = 32 * 1024;

    private final HttpServerResponse response;
    private final Consumer<HttpServerResponse> headers;
    private final StringBuilder pending = new StringBuilder(CHUNK + 1024);
    private volatile boolean gone;
    private boolean committed;
    private boolean ended;

    /**
     * @param headers sets the status and headers; applied once, just before the first chunk is sent
     * @param onGone  runs on the event loop when the client disconnects before the response ended
     */
    BatchResponseWriter(HttpServerResponse response, Consumer<HttpServerResponse> headers, Runnable onGone) {
        this.response = response;
        this.headers = headers;
        response.closeHandler(v -> gone(onGone));
        response.exceptionHandler(e -> gone(onGone));
    }

    private void gone(Runnable onGone) {
        synchronized (this) {
            gone = true;
            notifyAll();
        }
        onGone.run();
    }

    boolean clientGone() {
        return gone;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        pending.append(chars, offset, length);
        if (pending.length() >= CHUNK) {
            flush();
        }
    }

    @Override
    public void write(String text) throws IOException {
        pending.append(text);
        if (pending.length() >= CHUNK) {
            flush();
        }
    }

    @Override
    public void flush() throws IOException {
        if (gone) {
            throw new CancellationException("the client disconnected");
        }
        if (!committed) {
            committed = true;
            headers.accept(response);
            response.setChunked(true);
        }
        if (pending.length() == 0) {
            return;
        }
        Buffer chunk = Buffer.buffer(pending.toString());
        pending.setLength(0);
        awaitDrain();
        response.write(chunk);
    }

    private void awaitDrain() {
        if (!response.writeQueueFull()) {
            return;
        }
        synchronized (this) {
            response.drainHandler(v -> {
                synchronized (this) {
                    notifyAll();
                }
            });
            while (response.writeQueueFull() && !gone) {
                try {
                    wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted while the client was slow");
                }
            }
        }
        if (gone) {
            throw new CancellationException("the client disconnected");
        }
    }

    /** Sends what is left and ends the response; a second close (an export writer closes it too) does nothing. */
    @Override
    public void close() throws IOException {
        if (ended) {
            return;
        }
        flush();
        ended = true;
        response.end();
    }
}
