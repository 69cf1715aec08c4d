package org.opensoc.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSourceTest {

    private static List<NumberedLine> read(LineSource source) throws IOException {
        List<NumberedLine> lines = new ArrayList<>();
        NumberedLine line;
        while ((line = source.next()) != null) {
            lines.add(line);
        }
        return lines;
    }

    private static List<NumberedLine> text(byte[] bytes, int cap) throws IOException {
        return read(new TextLineSource(new ByteArrayInputStream(bytes), cap));
    }

    @Test
    void replacesInvalidUtf8AndKeepsTheLineCount() throws IOException {
        byte[] bytes = {'a', (byte) 0xC3, (byte) 0x28, '\n', (byte) 0xFF, (byte) 0xFE, '\n', 'o', 'k', '\n'};
        List<NumberedLine> lines = text(bytes, 100);
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).text().contains("\uFFFD"));
        assertEquals("ok", lines.get(2).text());
        assertEquals(3, lines.get(2).number());
    }

    @Test
    void truncatesAnOverlongLineFlagsItAndStillCountsTheNextOne() throws IOException {
        String log = "x".repeat(10_000) + "\nshort\n";
        List<NumberedLine> lines = text(log.getBytes(StandardCharsets.UTF_8), 64);
        assertEquals(2, lines.size());
        assertEquals(64, lines.get(0).text().length());
        assertTrue(lines.get(0).truncated());
        assertFalse(lines.get(1).truncated());
        assertEquals("short", lines.get(1).text());
    }

    @Test
    void neverCutsASurrogatePairInHalfAtTheCap() throws IOException {
        List<NumberedLine> lines = text("a\uD83D\uDE00bcd\n".getBytes(StandardCharsets.UTF_8), 2);
        assertEquals("a", lines.get(0).text());
        assertTrue(lines.get(0).truncated());
    }

    @Test
    void endsLinesOnLfCrlfAndLoneCrAndCountsALastLineWithoutNewline() throws IOException {
        List<NumberedLine> lines = text("a\r\nb\rc\n\nd".getBytes(StandardCharsets.UTF_8), 100);
        assertEquals(List.of("a", "b", "c", "", "d"), lines.stream().map(NumberedLine::text).toList());
    }

    @Test
    void flagsBinaryContentAndReplacesControlBytes() throws IOException {
        byte[] bytes = {0x7f, 'E', 'L', 'F', 0x02, 0x01, 0x00, 0x00, '\n', 't', 'e', 'x', 't', '\n'};
        List<NumberedLine> lines = text(bytes, 100);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).binary());
        assertFalse(lines.get(0).text().contains("\0"));
        assertFalse(lines.get(1).binary());
    }

    @Test
    void readsNothingFromAnEmptyInput() throws IOException {
        assertNull(new TextLineSource(new ByteArrayInputStream(new byte[0]), 10).next());
    }

    @Test
    void takesTheMessageColumnOfACsvExportOneRecordPerLine() throws IOException {
        String csv = "TimeCreated,Id,Message\n2025-03-15T02:14:01Z,4625,\"An account failed to log on.\nSource IP: 10.0.0.5\"\n"
                + "2025-03-15T02:14:02Z,4624,An account was logged on\n";
        List<NumberedLine> lines = read(new CsvLineSource(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 1000));
        assertEquals(2, lines.size());
        assertEquals("An account failed to log on. Source IP: 10.0.0.5", lines.get(0).text());
        assertEquals(2, lines.get(0).number(), "line numbers count the header as line 1");
    }

    @Test
    void ignoresAByteOrderMarkInTextAndCsvHeaders() throws IOException {
        assertEquals("1.2.3.4 - -", text("\uFEFF1.2.3.4 - -\n".getBytes(StandardCharsets.UTF_8), 100).get(0).text());
        String csv = "\uFEFFMessage,Id\nhello,1\n";
        assertEquals("hello", read(new CsvLineSource(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 100))
                .get(0).text());
    }

    @Test
    void refusesACsvWithoutALogColumn() {
        String csv = "a,b,c\n1,2,3\n";
        UnusableCsvException e = assertThrows(UnusableCsvException.class,
                () -> new CsvLineSource(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 1000));
        assertTrue(e.getMessage().contains("message"));
    }
}
