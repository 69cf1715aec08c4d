package org.opensoc.batch;

import java.io.Closeable;
import java.io.IOException;

/** The lines of one upload, read as a stream so that memory stays flat whatever the size. */
public interface LineSource extends Closeable {

    /** The next line, or null at the end of the input. */
    NumberedLine next() throws IOException;

    /** Bytes consumed from the underlying input so far. */
    long bytesRead();
}
