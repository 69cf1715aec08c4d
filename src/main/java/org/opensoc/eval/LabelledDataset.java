package org.opensoc.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes labelled examples: a JSON array of instruction/input/output objects (the paper's
 * soc_train.json) or JSON Lines, one object a line. Jackson's value iterator takes both: it unwraps a
 * root-level array and otherwise reads a sequence of objects.
 */
public final class LabelledDataset {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectReader EXAMPLES = JSON.readerFor(LabelledExample.class);

    /** Opens the iterator inside the error handling, since opening already reads the first token. */
    private interface Source {
        MappingIterator<LabelledExample> open() throws IOException;
    }

    private LabelledDataset() {
    }

    /** Every example of the file; read as bytes, so Jackson detects the encoding and skips a byte-order mark. */
    public static List<LabelledExample> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(() -> EXAMPLES.readValues(in), file.toString());
        }
    }

    /** Every example of the source; one without an input or an output is an error naming its position. */
    public static List<LabelledExample> read(Reader in, String source) throws IOException {
        return read(() -> EXAMPLES.readValues(in), source);
    }

    private static List<LabelledExample> read(Source open, String source) throws IOException {
        List<LabelledExample> examples = new ArrayList<>();
        try (MappingIterator<LabelledExample> values = open.open()) {
            while (values.hasNextValue()) {
                LabelledExample example = values.nextValue();
                if (example == null || example.input() == null || example.output() == null) {
                    throw new IOException(source + ": example " + (examples.size() + 1) + " lacks an input or an output");
                }
                examples.add(example);
            }
        } catch (JsonProcessingException e) {
            throw new IOException(source + ": not a JSON array or JSON Lines of examples: " + e.getOriginalMessage(), e);
        }
        return examples;
    }

    /** Writes JSON Lines: each row as one JSON object on its own line (newlines inside strings are escaped). */
    public static void writeJsonLines(List<?> rows, Writer out) throws IOException {
        for (Object row : rows) {
            out.write(JSON.writeValueAsString(row));
            out.write('\n');
        }
    }
}
