package org.opensoc.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;

/** The batch stream for the UI: Server-Sent Events named entry, progress and summary, each with one JSON object. */
public final class SseSink implements BatchSink {

    private final Writer out;
    private final ObjectMapper json;

    public SseSink(Writer out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public void entry(EntryResult result) throws IOException {
        event("entry", result);
    }

    @Override
    public void progress(BatchProgress progress) throws IOException {
        event("progress", progress);
        out.flush();
    }

    @Override
    public void summary(BatchSummary summary) throws IOException {
        event("summary", summary);
        out.flush();
    }

    /** Jackson escapes line breaks inside strings, so one JSON object is always one data line. */
    private void event(String name, Object value) throws IOException {
        out.write("event: ");
        out.write(name);
        out.write("\ndata: ");
        out.write(json.writeValueAsString(value));
        out.write("\n\n");
    }
}
