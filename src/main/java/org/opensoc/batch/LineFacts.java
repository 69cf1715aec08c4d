package org.opensoc.batch;

import java.time.Instant;

/**
 * What grouping needs to know of a line: who sent it ({@code source}, an address or null), which log it comes
 * from ({@code logType}: access, auth, windows, syslog, csv or text), when (read only for lines that group;
 * null otherwise or when the line carries no timestamp), what it does, and whether it starts a multi-line
 * record or continues the one before it.
 */
public record LineFacts(String source, String logType, Instant time, Activity activity, Shape shape) {

    /** How a line relates to its neighbours. */
    public enum Shape {
        /** An ordinary line: a record of its own. */
        LINE,
        /** The first line of a multi-line record (a Windows event rendered as "EventID: 4625" then fields). */
        RECORD_START,
        /** A "Key: value" field line, which belongs to an open multi-line record. */
        FIELD,
        /** Indented text or a bracketed note such as "[10000 requests/second ...]": belongs to the line before. */
        CONTINUATION,
        /** An empty line: kept with the record before it. */
        BLANK
    }
}
