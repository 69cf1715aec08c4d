package org.opensoc.batch.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.opensoc.batch.EntryResult;
import org.opensoc.batch.LineSource;
import org.opensoc.batch.NumberedLine;

/**
 * Exports a batch the client already holds: the NDJSON it was streamed, read back entry by entry, so nothing is
 * analyzed twice. Progress and summary lines are skipped; anything else that is not an entry is refused.
 */
public final class EntryReplay {

    private EntryReplay() {
    }

    /**
     * @return how many entries were read
     * @throws IllegalArgumentException for a line that is not an entry object, naming the line, or no entry at all
     */
    public static long export(LineSource ndjson, FindingWriter writer, ObjectMapper json) throws IOException {
        long entries = 0;
        NumberedLine line;
        while ((line = ndjson.next()) != null) {
            if (line.text().isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = line.truncated() ? null : json.readTree(line.text());
            } catch (JsonProcessingException e) {
                node = null;
            }
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("line " + line.number() + " is not a JSON object");
            }
            String type = node.path("type").asText(EntryResult.TYPE);
            if ("progress".equals(type) || "summary".equals(type)) {
                continue;
            }
            if (!EntryResult.TYPE.equals(type) || !node.path("analysis").isObject()) {
                throw new IllegalArgumentException("line " + line.number() + " is not a batch entry with an analysis");
            }
            EntryResult entry;
            try {
                entry = json.treeToValue(node, EntryResult.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("line " + line.number() + " is not a batch entry: " + e.getOriginalMessage());
            }
            writer.write(entry);
            entries++;
        }
        if (entries == 0) {
            throw new IllegalArgumentException("the body holds no batch entries");
        }
        writer.close();
        return entries;
    }
}
