package org.opensoc.detect;

import java.util.Collections;
import java.util.Map;

/**
 * One typed line (or Windows event block) of an entry: its format, where it sits in the entry, and its fields
 * under canonical names ({@link #SOURCE}, {@link #TARGET}, ...), each with its raw offsets in the entry.
 */
public record LogLine(LogFormat format, int start, int end, String raw, Map<String, Field> fields) {

    public static final String SOURCE = "source";
    public static final String DESTINATION = "destination";
    public static final String USER = "user";
    public static final String METHOD = "method";
    public static final String TARGET = "target";
    public static final String PROTOCOL = "protocol";
    public static final String STATUS = "status";
    public static final String BYTES = "bytes";
    public static final String REFERER = "referer";
    public static final String AGENT = "agent";
    public static final String TIME = "time";
    public static final String HOST = "host";
    public static final String PROGRAM = "program";
    public static final String PID = "pid";
    public static final String MESSAGE = "message";
    public static final String EVENT_ID = "eventId";
    public static final String LOGON_TYPE = "logonType";
    public static final String COMMAND_LINE = "commandLine";
    public static final String DEST_PORT = "destPort";
    public static final String ACTION = "action";

    /** A field value and its raw span [start, end) in the entry. */
    public record Field(String value, int start, int end) {
    }

    public LogLine {
        fields = Collections.unmodifiableMap(fields);
    }

    /** The field's value, or null. */
    public String get(String name) {
        Field f = fields.get(name);
        return f == null ? null : f.value();
    }

    public Field field(String name) {
        return fields.get(name);
    }

    /** The HTTP status, or -1 when the line has none. */
    public int status() {
        return (int) number(STATUS);
    }

    /** The response size in bytes, or -1. */
    public long bytes() {
        return number(BYTES);
    }

    private long number(String name) {
        String v = get(name);
        if (v == null || v.isEmpty() || v.length() > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    public boolean isWeb() {
        return fields.containsKey(TARGET) && fields.containsKey(STATUS);
    }
}
