package org.opensoc.batch.export;

import java.io.Closeable;
import java.io.IOException;
import org.opensoc.batch.EntryResult;

/**
 * Writes analyzed entries in one export format, one at a time. {@link #close()} ends the file and flushes it, but
 * leaves the underlying writer open: it belongs to the caller (stdout, an HTTP response).
 */
public interface FindingWriter extends Closeable {

    void write(EntryResult entry) throws IOException;
}
