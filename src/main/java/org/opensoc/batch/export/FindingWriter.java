package org.opensoc.batch.export;

import java.io.Closeable;
import java.io.IOException;
import org.opensoc.batch.EntryResult;

/** Writes analyzed entries in one export format, one at a time; {@link #close()} flushes and ends the file. */
public interface FindingWriter extends Closeable {

    void write(EntryResult entry) throws IOException;
}
