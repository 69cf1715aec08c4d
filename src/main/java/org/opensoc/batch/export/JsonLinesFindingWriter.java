package org.opensoc.batch.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import org.opensoc.batch.EntryResult;

/** JSON Lines: each entry exactly as the batch stream carried it, one object a line. */
final class JsonLinesFindingWriter implements FindingWriter {

    private final Writer out;
    private final ObjectMapper json;

    JsonLinesFindingWriter(Writer out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public void write(EntryResult entry) throws IOException {
        out.write(json.writeValueAsString(entry));
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
