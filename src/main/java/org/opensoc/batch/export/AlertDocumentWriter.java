package org.opensoc.batch.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import org.opensoc.batch.EntryResult;

/**
 * A JSON document a line for each entry that is an alert (benign entries are no findings in a SIEM); the
 * formats (ECS, OCSF) differ only in the document they build.
 */
abstract class AlertDocumentWriter implements FindingWriter {

    private final Writer out;
    private final Clock clock;
    protected final ObjectMapper json;

    AlertDocumentWriter(Writer out, ObjectMapper json, Clock clock) {
        this.out = out;
        this.json = json;
        this.clock = clock;
    }

    /** The document of one alert, stamped with the export time. */
    abstract ObjectNode document(EntryResult entry, Instant exportedAt);

    @Override
    public final void write(EntryResult entry) throws IOException {
        if (!Alerts.isAlert(entry.analysis())) {
            return;
        }
        out.write(json.writeValueAsString(document(entry, clock.instant())));
        out.write('\n');
    }

    @Override
    public final void close() throws IOException {
        out.flush();
    }
}
