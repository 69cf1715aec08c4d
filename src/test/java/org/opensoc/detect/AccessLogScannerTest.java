package org.opensoc.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AccessLogScannerTest {

    @Test
    void splitsAnAccessLineIntoItsFields() {
        LogLine line = AccessLogScanner.parse(
                "91.108.4.20 - - [16/Mar/2025:01:05:33 +0000] \"GET /profile?id=1 OR 1=1-- HTTP/1.1\" 403 12466 \"-\" \"burpsuite\"");
        assertNotNull(line);
        assertEquals(LogFormat.WEB_ACCESS, line.format());
        assertEquals("91.108.4.20", line.get(LogLine.SOURCE));
        assertEquals("16/Mar/2025:01:05:33 +0000", line.get(LogLine.TIME));
        assertEquals("GET", line.get(LogLine.METHOD));
        assertEquals("/profile?id=1 OR 1=1--", line.get(LogLine.TARGET));
        assertEquals(403, line.status());
        assertEquals(12466, line.bytes());
        assertEquals("burpsuite", line.get(LogLine.AGENT));
    }

    @Test
    void refusesLinesThatOnlyLookLikeAccessLines() {
        assertNull(AccessLogScanner.parse("hello world"));
        assertNull(AccessLogScanner.parse("1.2.3.4 - - [x] \"GET / HTTP/1.1\" 2x0 1"));
        assertNull(AccessLogScanner.parse("1.2.3.4 - - [x] \"GET / HTTP/1.1"));
    }
}
