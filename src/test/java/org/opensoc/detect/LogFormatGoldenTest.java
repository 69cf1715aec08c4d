package org.opensoc.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Golden cases per log format (detect/formats.yaml): raw entry in, format and fields with raw offsets out. */
class LogFormatGoldenTest {

    record Golden(String name, String raw, Integer line, LogFormat format, Map<String, String> fields) {
    }

    record GoldenFile(List<Golden> cases) {
    }

    static List<Golden> cases() throws IOException {
        try (InputStream in = LogFormatGoldenTest.class.getResourceAsStream("/detect/formats.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readValue(in, GoldenFile.class).cases();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachFormatParsesIntoItsFields() throws IOException {
        return cases().stream().map(g -> DynamicTest.dynamicTest(g.name(), () -> {
            List<LogLine> lines = EntryParser.parse(g.raw());
            LogLine line = lines.get(g.line() == null ? 0 : g.line());
            assertEquals(g.format(), line.format(), g.name());
            for (Map.Entry<String, String> e : g.fields().entrySet()) {
                LogLine.Field f = line.field(e.getKey());
                assertNotNull(f, g.name() + ": no field " + e.getKey() + " in " + line.fields().keySet());
                assertEquals(e.getValue(), f.value(), g.name() + ": " + e.getKey());
                assertEquals(e.getValue(), g.raw().substring(f.start(), f.end()), g.name() + ": raw span of " + e.getKey());
            }
        }));
    }

    @Test
    void aMultiLineEntryKeepsOneTypedLinePerLineWithOffsetsIntoTheEntry() {
        String entry = "a b c\r\n10.0.0.1 - - [05/Jul/2025:09:00:00 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"x\"\n\n"
                + "[5 requests/second]";
        List<LogLine> lines = EntryParser.parse(entry);
        assertEquals(List.of(LogFormat.GENERIC, LogFormat.WEB_ACCESS, LogFormat.ANNOTATION),
                lines.stream().map(LogLine::format).toList());
        for (LogLine l : lines) {
            assertEquals(l.raw(), entry.substring(l.start(), l.end()));
        }
    }

    @Test
    void hostileOrBrokenTextNeverFailsToParse() {
        for (String s : List.of("", "{", "{\"a\":", "\"\"\"", "[", "EventID:", "a,b,c\n\"unterminated", "\u0000\u0001",
                "SRC= DST=", "<999>1 - - - - - -")) {
            assertFalse(EntryParser.parse(s + "\nx").isEmpty(), s);
        }
    }
}
