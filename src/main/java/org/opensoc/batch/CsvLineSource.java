package org.opensoc.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The log lines of a CSV export (SIEM, Windows Event Viewer, cloud consoles): one record is one line, taken
 * from the first column whose header names the raw message. A CSV with no such column cannot be triaged and
 * is refused with {@link UnusableCsvException} before anything is analyzed.
 */
public final class CsvLineSource implements LineSource {

    /** Header names that hold the raw event text, in order of preference (compared lower-case, trimmed). */
    static final List<String> MESSAGE_COLUMNS = List.of("message", "log", "raw", "_raw", "raw_log", "event",
            "line", "text", "msg", "log_line", "entry", "description");

    private final CountingInputStream counted;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int column;
    private final int maxLineChars;
    private long lineNumber;

    public CsvLineSource(InputStream in, int maxLineChars) throws IOException {
        this.counted = new CountingInputStream(in);
        this.maxLineChars = maxLineChars;
        InputStreamReader reader = new InputStreamReader(counted, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
        try {
            this.parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).setIgnoreEmptyLines(true)
                    .get().parse(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new UnusableCsvException("the CSV header cannot be read: " + e.getMessage());
        }
        Map<String, Integer> header = parser.getHeaderMap();
        this.column = messageColumn(header).orElseThrow(() -> new UnusableCsvException(
                "no column holds the log text; name one of " + MESSAGE_COLUMNS + " (found "
                        + (header == null ? "no header" : header.keySet()) + ")"));
        this.records = parser.iterator();
        this.lineNumber = 1;
    }

    static Optional<Integer> messageColumn(Map<String, Integer> header) {
        if (header == null) {
            return Optional.empty();
        }
        for (String wanted : MESSAGE_COLUMNS) {
            for (Map.Entry<String, Integer> h : header.entrySet()) {
                // Excel writes a byte order mark before the first header name.
                String name = h.getKey() == null ? "" : h.getKey().replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
                if (name.equals(wanted)) {
                    return Optional.of(h.getValue());
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public NumberedLine next() throws IOException {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            lineNumber++;
            String text = column < record.size() ? record.get(column) : "";
            // A multi-line cell is still one record: fold it so that one record stays one line.
            text = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
            boolean truncated = text.length() > maxLineChars;
            return new NumberedLine(lineNumber, truncated ? text.substring(0, maxLineChars) : text, truncated,
                    text.indexOf('\0') >= 0);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public long bytesRead() {
        return counted.count();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
