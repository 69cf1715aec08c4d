package org.opensoc.detect;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits an entry into typed lines: single-line formats through {@link LogLineParser}, Windows "Key: Value"
 * event blocks (Event Viewer text, the data's {@code EventID: 4625} blocks) as one line each, and CSV rows under
 * a header line. Offsets always point into the entry as received.
 */
public final class EntryParser {

    private static final Pattern WINDOWS_BLOCK_START = Pattern.compile("(?i)^\\s*(?:log name|event\\s?id|timecreated)\\s*:");
    private static final Pattern WINDOWS_KEY_VALUE = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9 ()/_.-]{0,40}?)\\s*:\\s*(.*)$");
    private static final Pattern CSV_HEADER = Pattern.compile("^\\s*\"?[A-Za-z@_][\\w .@-]{0,40}\"?(?:\\s*,\\s*\"?[A-Za-z@_][\\w .@-]{0,40}\"?){2,}\\s*$");

    private EntryParser() {
    }

    /** The typed lines of the entry; blank lines are skipped. */
    public static List<LogLine> parse(String entry) {
        List<LogLine> out = new ArrayList<>();
        String[] csvHeader = null;
        WindowsBlock block = null;
        int pos = 0;
        int n = entry.length();
        boolean first = true;
        while (pos < n) {
            int nl = entry.indexOf('\n', pos);
            int end = nl < 0 ? n : nl;
            int lineEnd = end > pos && entry.charAt(end - 1) == '\r' ? end - 1 : end;
            String line = entry.substring(pos, lineEnd);
            int start = pos;
            pos = nl < 0 ? n : nl + 1;
            if (line.isBlank()) {
                continue;
            }
            if (first && CSV_HEADER.matcher(line).find() && csvHeader(line) != null) {
                csvHeader = csvHeader(line);
                first = false;
                continue;
            }
            first = false;
            if (csvHeader != null) {
                out.add(csvRow(line, start, csvHeader));
                continue;
            }
            boolean blockStart = WINDOWS_BLOCK_START.matcher(line).find();
            if (blockStart && (block == null || block.hasEventId())) {
                if (block != null) {
                    out.add(block.toLine(entry));
                }
                block = new WindowsBlock(start);
            }
            if (block != null) {
                LogLine typed = blockStart ? null : LogLineParser.parse(line, start);
                if (typed == null || typed.format() == LogFormat.GENERIC) {
                    block.add(line, start, lineEnd);
                    continue;
                }
                out.add(block.toLine(entry));
                block = null;
                out.add(typed);
                continue;
            }
            out.add(LogLineParser.parse(line, start));
        }
        if (block != null) {
            out.add(block.toLine(entry));
        }
        return out;
    }

    /** The header names when at least two of them are fields we know; else null (a plain line with commas). */
    private static String[] csvHeader(String line) {
        List<String> names = csvValues(line);
        int known = 0;
        for (String name : names) {
            if (FieldNames.canonical(name.trim()) != null) {
                known++;
            }
        }
        return known >= 2 ? names.stream().map(String::trim).toArray(String[]::new) : null;
    }

    private static LogLine csvRow(String line, int start, String[] header) {
        return LogLineParser.csvRow(line, start, header, csvValues(line));
    }

    private static List<String> csvValues(String line) {
        try (CSVParser parser = CSVParser.parse(line, CSVFormat.DEFAULT)) {
            List<String> values = new ArrayList<>();
            for (CSVRecord record : parser) {
                record.forEach(values::add);
                break;
            }
            return values;
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            return List.of(line);
        }
    }

    private static final int MAX_JOINED_CHARS = 4096;

    /** The lines of one Windows event, folded into one typed line with its fields. */
    private static final class WindowsBlock {
        private final int start;
        private int end;
        private final Map<String, LogLine.Field> fields = new LinkedHashMap<>();

        WindowsBlock(int start) {
            this.start = start;
            this.end = start;
        }

        boolean hasEventId() {
            return fields.containsKey(LogLine.EVENT_ID);
        }

        void add(String line, int lineStart, int lineEnd) {
            end = lineEnd;
            Matcher kv = WINDOWS_KEY_VALUE.matcher(line);
            if (!kv.find()) {
                return;
            }
            String value = kv.group(2).strip();
            String key = kv.group(1).strip();
            // Get-WinEvent | Format-List writes the event id as "Id".
            String name = key.equalsIgnoreCase("id") ? LogLine.EVENT_ID : FieldNames.canonical(key);
            if (name == null || value.isEmpty() || value.equals("-") || value.equals("N/A")) {
                return;
            }
            int vs = lineStart + kv.start(2) + (kv.group(2).length() - kv.group(2).stripLeading().length());
            LogLine.Field field = new LogLine.Field(value, vs, vs + value.length());
            if (name.equals(LogLine.EVENT_ID) && fields.containsKey(LogLine.EVENT_ID)) {
                return;
            }
            LogLine.Field old = fields.get(name);
            if (old != null && (name.equals(LogLine.COMMAND_LINE) || name.equals(LogLine.MESSAGE))) {
                // Joined, but capped: the rules read the whole block anyway, and joining must stay linear.
                if (old.value().length() >= MAX_JOINED_CHARS) {
                    return;
                }
                field = new LogLine.Field(old.value() + " " + value, old.start(), field.end());
            }
            fields.put(name, field);
        }

        LogLine toLine(String entry) {
            return new LogLine(LogFormat.WINDOWS_EVENT, start, end, entry.substring(start, end), fields);
        }
    }
}
