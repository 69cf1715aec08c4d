package org.opensoc.batch;

import java.io.IOException;
import org.opensoc.batch.export.FindingWriter;

/** A batch written straight into an export file; the summary ends the file. */
public final class ExportSink implements BatchSink {

    private final FindingWriter writer;

    public ExportSink(FindingWriter writer) {
        this.writer = writer;
    }

    @Override
    public void entry(EntryResult result) throws IOException {
        writer.write(result);
    }

    @Override
    public void summary(BatchSummary summary) throws IOException {
        writer.close();
    }
}
