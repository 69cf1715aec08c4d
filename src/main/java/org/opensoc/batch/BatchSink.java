package org.opensoc.batch;

import java.io.IOException;

/** Where a batch's results go as they are produced: an HTTP stream, an export file, the console. */
public interface BatchSink {

    void entry(EntryResult result) throws IOException;

    /** Called at most every {@link BatchRun.Settings#progressEvery()} and once before the summary. */
    default void progress(BatchProgress progress) throws IOException {
    }

    void summary(BatchSummary summary) throws IOException;
}
