package org.opensoc.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Turns lines into entries the way an analyst reads a log. A multi-line record (a Windows event, a line with
 * its indented or bracketed notes) is assembled first. A record whose activity only means something in
 * aggregate (failed logins, 404 probes, 429/503 floods, 4625 bursts) joins the open group of its source, log
 * type and kind while it stays within the time window of that group's last line; a success after failures
 * joins and closes the group. Everything else, and any line that is an attack on its own ({@code standsAlone}),
 * is an entry by itself. Every line ends in exactly one entry. Open groups are bounded in number and text, so
 * memory stays flat; a group that would exceed them is emitted early.
 */
public final class EntryGrouper {

    /** Grouping limits; {@code gapLines} stands in for the window when lines carry no timestamp. */
    public record Limits(Duration window, long gapLines, int maxEntryChars, int maxGroupLines, int maxOpenGroups,
            long maxOpenChars, int maxRecordLines) {

        public static Limits defaults() {
            return new Limits(Duration.ofMinutes(5), 10_000, 65_536, 100_000, 1024, 8_000_000, 64);
        }
    }

    private final Limits limits;
    private final Predicate<String> standsAlone;
    private final Consumer<BatchEntry> out;
    private final Map<String, Group> open = new LinkedHashMap<>(64, 0.75f, true);
    private Group pending;
    private long openChars;
    private long records;
    private Instant latestTime;

    /**
     * @param standsAlone whether a record's text is an attack by itself (an injection, a traversal), which keeps it
     *                    out of an aggregate group even when its activity aggregates
     * @param out         receives each entry as soon as it is complete
     */
    public EntryGrouper(Limits limits, Predicate<String> standsAlone, Consumer<BatchEntry> out) {
        this.limits = limits;
        this.standsAlone = standsAlone;
        this.out = out;
    }

    /** One line of the input, in order. */
    public void accept(NumberedLine line, LineFacts facts) {
        switch (facts.shape()) {
            case BLANK, CONTINUATION -> {
                if (pending != null && pending.records < limits.maxRecordLines()) {
                    pending.add(line, facts);
                    return;
                }
            }
            case FIELD -> {
                if (pending != null && pending.multiLine && pending.records < limits.maxRecordLines()) {
                    pending.add(line, facts);
                    return;
                }
            }
            default -> {
            }
        }
        flushPending();
        pending = new Group(line, facts, limits.maxEntryChars());
    }

    /** The end of the input: every pending and open entry is emitted. */
    public void finish() {
        flushPending();
        for (Group g : open.values()) {
            out.accept(g.toEntry());
        }
        open.clear();
        openChars = 0;
    }

    private void flushPending() {
        if (pending == null) {
            return;
        }
        Group record = pending;
        pending = null;
        if (record.lastTime != null) {
            latestTime = record.lastTime;
        }
        if (++records % 256 == 0) {
            expire(latestTime, record.firstLine);
        }
        Activity activity = record.activity;
        if (activity.groupKind() == null) {
            out.accept(record.toEntry());
            return;
        }
        String key = (record.source == null ? "" : record.source) + '\u0000' + record.logType + '\u0000' + activity.groupKind();
        Group group = open.get(key);
        if (group != null && group.outOfWindow(record, limits)) {
            close(key, group);
            group = null;
        }
        if (activity.closing()) {
            if (group == null) {
                out.accept(record.toEntry());
            } else {
                group.merge(record);
                close(key, group);
            }
            return;
        }
        if (standsAlone.test(record.text.toString())) {
            out.accept(record.toEntry());
            return;
        }
        if (group == null) {
            record.groupKind = activity.groupKind();
            open.put(key, record);
            openChars += record.text.length();
        } else {
            int before = group.text.length();
            group.merge(record);
            openChars += group.text.length() - before;
            if (group.lineCount >= limits.maxGroupLines()) {
                close(key, group);
            }
        }
        while (open.size() > limits.maxOpenGroups() || openChars > limits.maxOpenChars()) {
            Map.Entry<String, Group> eldest = open.entrySet().iterator().next();
            close(eldest.getKey(), eldest.getValue());
        }
    }

    private void close(String key, Group group) {
        open.remove(key);
        openChars -= group.text.length();
        out.accept(group.toEntry());
    }

    /** Emits the groups whose window has passed, so that a long file does not hold them to its end. */
    private void expire(Instant now, long lineNumber) {
        Iterator<Group> it = open.values().iterator();
        while (it.hasNext()) {
            Group g = it.next();
            boolean stale = now != null && g.lastTime != null
                    ? Duration.between(g.lastTime, now).compareTo(limits.window()) > 0
                    : lineNumber - g.lastLine > limits.gapLines();
            if (stale) {
                it.remove();
                openChars -= g.text.length();
                out.accept(g.toEntry());
            }
        }
    }

    /** A record being assembled, then possibly a group of records. */
    private static final class Group {
        final long firstLine;
        final Activity activity;
        final boolean multiLine;
        final EntryText text;
        String source;
        String logType;
        String groupKind;
        Instant lastTime;
        long lastLine;
        long lineCount;
        int records;
        int truncated;
        int binary;
        int unparsed;

        Group(NumberedLine line, LineFacts facts, int maxChars) {
            this.firstLine = line.number();
            this.activity = facts.activity();
            this.multiLine = facts.shape() == LineFacts.Shape.RECORD_START;
            this.text = new EntryText(maxChars);
            this.source = facts.source();
            this.logType = facts.logType() == null ? "text" : facts.logType();
            add(line, facts);
        }

        void add(NumberedLine line, LineFacts facts) {
            text.add(line.text());
            lastLine = line.number();
            lineCount++;
            records++;
            if (source == null) {
                source = facts.source();
            }
            if (facts.time() != null) {
                lastTime = facts.time();
            }
            truncated += line.truncated() ? 1 : 0;
            binary += line.binary() ? 1 : 0;
            unparsed += line.binary() || "text".equals(logType) && facts.shape() != LineFacts.Shape.BLANK ? 1 : 0;
        }

        void merge(Group record) {
            String joined = record.text.toString();
            for (String line : joined.split("\n", -1)) {
                text.add(line);
            }
            lastLine = Math.max(lastLine, record.lastLine);
            lineCount += record.lineCount;
            truncated += record.truncated;
            binary += record.binary;
            unparsed += record.unparsed;
            if (record.lastTime != null) {
                lastTime = record.lastTime;
            }
        }

        boolean outOfWindow(Group record, Limits limits) {
            if (lastTime != null && record.lastTime != null) {
                return Duration.between(lastTime, record.lastTime).abs().compareTo(limits.window()) > 0;
            }
            return record.firstLine - lastLine > limits.gapLines();
        }

        BatchEntry toEntry() {
            return new BatchEntry(firstLine, lastLine, lineCount, source, logType, text.toString(), truncated, binary,
                    unparsed, groupKind);
        }
    }
}
