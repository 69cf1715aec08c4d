package org.opensoc.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryGrouperTest {

    private static final EntryGrouper.Limits LIMITS = new EntryGrouper.Limits(Duration.ofMinutes(5), 100, 65_536,
            1000, 16, 1_000_000, 64);

    /** Lines that are attacks by themselves in these fixtures. */
    private static boolean attack(String text) {
        return text.contains("UNION SELECT") || text.contains("../");
    }

    private static List<BatchEntry> group(String log) throws IOException {
        return group(log, LIMITS);
    }

    private static List<BatchEntry> group(String log, EntryGrouper.Limits limits) throws IOException {
        List<BatchEntry> entries = new ArrayList<>();
        EntryGrouper grouper = new EntryGrouper(limits, EntryGrouperTest::attack, entries::add);
        LineClassifier classifier = new LineClassifier(false);
        try (TextLineSource source = new TextLineSource(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), 65_536)) {
            NumberedLine line;
            while ((line = source.next()) != null) {
                grouper.accept(line, classifier.classify(line.text()));
            }
        }
        grouper.finish();
        entries.sort(Comparator.comparingLong(BatchEntry::firstLine));
        return entries;
    }

    private static String access(String ip, String time, String request, int status) {
        return ip + " - - [16/Mar/2025:" + time + " +0000] \"" + request + " HTTP/1.1\" " + status + " 0 \"-\" \"curl/7.68\"\n";
    }

    private static String ssh(String time, String what, String ip) {
        return "Mar 15 " + time + " web01 sshd[1234]: " + what + " for root from " + ip + " port 2222 ssh2\n";
    }

    private static long linesIn(String log) {
        return log.lines().count();
    }

    private static void assertEveryLineOnce(String log, List<BatchEntry> entries) {
        assertEquals(linesIn(log), entries.stream().mapToLong(BatchEntry::lineCount).sum(), "N lines in, N lines out");
    }

    @Test
    void groupsFailedLoginsOfOneSourceWithinTheWindowIntoOneEntry() throws IOException {
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            log.append(access("192.168.10.25", "01:05:" + (10 + i), "POST /wp-login.php", 401));
        }
        List<BatchEntry> entries = group(log.toString());
        assertEquals(1, entries.size());
        BatchEntry burst = entries.get(0);
        assertEquals(1, burst.firstLine());
        assertEquals(12, burst.lastLine());
        assertEquals(12, burst.lineCount());
        assertEquals("192.168.10.25", burst.source());
        assertEquals("access", burst.logType());
        assertEquals("http-auth", burst.groupKind());
    }

    @Test
    void startsANewEntryWhenTheSameActivityResumesAfterTheWindow() throws IOException {
        String log = access("10.1.1.1", "01:00:00", "POST /login", 401)
                + access("10.1.1.1", "01:04:00", "POST /login", 401)
                + access("10.1.1.1", "01:20:00", "POST /login", 401)
                + access("10.1.1.1", "01:21:00", "POST /login", 401);
        List<BatchEntry> entries = group(log);
        assertEquals(2, entries.size());
        assertEquals(List.of(1L, 3L), entries.stream().map(BatchEntry::firstLine).toList());
        assertEquals(List.of(2L, 4L), entries.stream().map(BatchEntry::lastLine).toList());
    }

    @Test
    void keepsInterleavedSourcesInSeparateEntriesAndNormalTrafficOnePerLine() throws IOException {
        String log = access("10.0.0.1", "01:00:00", "GET /.env", 404)
                + access("10.0.0.2", "01:00:01", "POST /signin", 401)
                + access("10.0.0.9", "01:00:01", "GET /index.html", 200)
                + access("10.0.0.1", "01:00:02", "GET /.git/config", 404)
                + access("10.0.0.2", "01:00:02", "POST /signin", 401)
                + access("10.0.0.9", "01:00:03", "GET /cart", 200);
        List<BatchEntry> entries = group(log);
        assertEveryLineOnce(log, entries);
        assertEquals(4, entries.size());
        BatchEntry probes = entries.get(0);
        assertEquals("10.0.0.1", probes.source());
        assertEquals(1, probes.firstLine());
        assertEquals(4, probes.lastLine());
        assertEquals(2, probes.lineCount());
        assertEquals("http-probe", probes.groupKind());
        assertEquals(2, entries.stream().filter(e -> "10.0.0.9".equals(e.source())).count());
    }

    @Test
    void keepsASingleLineAttackOutOfTheProbeBurstItArrivesIn() throws IOException {
        String log = access("10.0.0.1", "01:00:00", "GET /.env", 404)
                + access("10.0.0.1", "01:00:01", "GET /item?id=1'+UNION SELECT password FROM users--", 404)
                + access("10.0.0.1", "01:00:02", "GET /wp-admin", 404);
        List<BatchEntry> entries = group(log);
        assertEquals(2, entries.size());
        assertEquals(1, entries.get(1).lineCount());
        assertEquals(2, entries.get(1).firstLine());
        assertEquals(2, entries.get(0).lineCount());
    }

    @Test
    void putsSshFailuresAndTheSuccessThatEndsThemInOneEntry() throws IOException {
        String log = ssh("01:05:33", "Failed password", "203.0.113.7")
                + ssh("01:05:34", "Failed password", "203.0.113.7")
                + ssh("01:05:35", "Failed password", "203.0.113.7")
                + ssh("01:05:36", "Accepted password", "203.0.113.7")
                + ssh("01:05:37", "Failed password", "203.0.113.7");
        List<BatchEntry> entries = group(log);
        assertEquals(2, entries.size());
        assertEquals(4, entries.get(0).lineCount());
        assertEquals(4, entries.get(0).lastLine());
        assertTrue(entries.get(0).text().contains("Accepted password"));
        assertEquals("auth", entries.get(0).logType());
        assertEquals(5, entries.get(1).firstLine());
    }

    @Test
    void assemblesMultiLineWindowsEventsAndGroupsA4625Burst() throws IOException {
        String event = "EventID: 4625\nTimestamp: 15-Mar-2025:02:14:0%d\nSource IP: 192.168.10.25\nUser: SYSTEM\n"
                + "Description: Failed Login\n";
        String log = event.formatted(1) + event.formatted(2) + event.formatted(3)
                + "EventID: 4720\nTimestamp: 15-Mar-2025:02:15:00\nSource IP: 192.168.10.25\nUser: backdoor\n";
        List<BatchEntry> entries = group(log);
        assertEveryLineOnce(log, entries);
        assertEquals(2, entries.size());
        BatchEntry burst = entries.get(0);
        assertEquals(15, burst.lineCount());
        assertEquals("windows", burst.logType());
        assertEquals("192.168.10.25", burst.source());
        assertEquals("windows-4625", burst.groupKind());
        assertEquals(16, entries.get(1).firstLine());
        assertEquals(4, entries.get(1).lineCount());
    }

    @Test
    void keepsAnnotationAndBlankLinesWithTheLineBefore() throws IOException {
        String log = access("10.10.10.25", "01:05:33", "GET /api/users/export?format=csv", 200)
                + "[Single request transferring 50000KB of data to external IP]\n\n"
                + access("10.10.10.26", "01:05:34", "GET /", 200);
        List<BatchEntry> entries = group(log);
        assertEquals(2, entries.size());
        assertEquals(3, entries.get(0).lineCount());
        assertEquals(4, entries.get(1).firstLine());
    }

    @Test
    void emitsAGroupEarlyWhenTooManyGroupsAreOpenStillCountingEveryLine() throws IOException {
        EntryGrouper.Limits tight = new EntryGrouper.Limits(Duration.ofMinutes(5), 100, 65_536, 3, 2, 1_000_000, 64);
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            log.append(access("10.0.0." + (i % 5), "01:00:" + (10 + i % 40), "POST /login", 401));
        }
        List<BatchEntry> entries = group(log.toString(), tight);
        assertEveryLineOnce(log.toString(), entries);
        assertTrue(entries.stream().allMatch(e -> e.lineCount() <= 3), "a group never passes maxGroupLines");
    }

    @Test
    void accountsForEveryLineOfAMixedFixture() throws IOException {
        String log = new String(EntryGrouperTest.class.getResourceAsStream("/batch/mixed.log").readAllBytes(),
                StandardCharsets.UTF_8);
        List<BatchEntry> entries = group(log);
        assertEveryLineOnce(log, entries);
        for (BatchEntry e : entries) {
            assertTrue(e.firstLine() <= e.lastLine());
            assertTrue(e.lineCount() <= e.lastLine() - e.firstLine() + 1);
        }
        assertTrue(entries.size() < linesIn(log), "aggregate activity was grouped");
    }
}
