package org.opensoc.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;

/** The default batch stream: one JSON object a line, the entries as they come and the summary last. */
public final class NdjsonSink implements BatchSink {

    private final Writer out;
    private final ObjectMapper json;

    public NdjsonSink(Writer out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public void entry(EntryResult result) throws IOException {
        line(result);
    }

    /** NDJSON carries no progress lines; the tick only sends what is ready, so a client sees results as they come. */
    @Override
    public void progress(BatchProgress progress) throws IOException {
        out.flush();
    }

    @Override
    public void summary(BatchSummary summary) throws IOException {
        line(summary);
        out.flush();
    }

    private void line(Object value) throws IOException {
        out.write(json.writeValueAsString(value));
        out.write('\n');
    }
}
