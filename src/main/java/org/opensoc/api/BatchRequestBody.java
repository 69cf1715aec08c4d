package org.opensoc.api;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;

/**
 * A request body read as it arrives: Vert.x pushes buffers from the event loop, the batch worker pulls them as an
 * {@link InputStream}. At most {@link #HIGH_WATER} bytes wait here; past that the socket is paused, so the
 * client is slowed to the analysis speed and memory stays flat whatever the upload size.
 */
final class BatchRequestBody extends InputStream {

    static final int HIGH_WATER = 1 << 20;
    static final int LOW_WATER = 256 << 10;

    private final ArrayDeque<Buffer> queue = new ArrayDeque<>();
    private final Context context;
    private ReadStream<Buffer> stream;
    private Buffer current;
    private int currentPos;
    private long queued;
    private boolean paused;
    private boolean ended;
    private Throwable failure;
    private String fileName;
    private String contentType;
    private boolean started;

    BatchRequestBody(Context context) {
        this.context = context;
    }

    /** Starts reading a stream (the raw body or the file part) unless one is read already; on the event loop. */
    synchronized boolean attachOnce(ReadStream<Buffer> source, String fileName, String contentType) {
        if (started) {
            return false;
        }
        this.stream = source;
        this.fileName = fileName;
        this.contentType = contentType;
        this.started = true;
        source.handler(this::offer);
        source.endHandler(v -> end());
        source.exceptionHandler(this::fail);
        notifyAll();
        return true;
    }

    private synchronized void offer(Buffer buffer) {
        queue.add(buffer);
        queued += buffer.length();
        if (queued > HIGH_WATER && !paused) {
            paused = true;
            stream.pause();
        }
        notifyAll();
    }

    synchronized void end() {
        ended = true;
        notifyAll();
    }

    synchronized void fail(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        notifyAll();
    }

    /** Waits until the body (or its file part) begins; false when the request ended without one. */
    synchronized boolean awaitStart() throws IOException {
        while (!started && !ended && failure == null) {
            waitQuietly();
        }
        if (failure != null && !started) {
            throw new IOException(failure);
        }
        return started;
    }

    synchronized String fileName() {
        return fileName;
    }

    synchronized String contentType() {
        return contentType;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (current == null || currentPos >= current.length()) {
            current = queue.poll();
            currentPos = 0;
            if (current != null) {
                queued -= current.length();
                if (paused && queued < LOW_WATER) {
                    paused = false;
                    ReadStream<Buffer> s = stream;
                    context.runOnContext(v -> s.resume());
                }
                continue;
            }
            if (failure != null) {
                throw new IOException("the upload failed: " + failure.getMessage(), failure);
            }
            if (ended) {
                return -1;
            }
            waitQuietly();
        }
        int n = Math.min(length, current.length() - currentPos);
        current.getBytes(currentPos, currentPos + n, target, offset);
        currentPos += n;
        return n;
    }

    private void waitQuietly() throws InterruptedIOException {
        try {
            wait(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the upload");
        }
    }
}
