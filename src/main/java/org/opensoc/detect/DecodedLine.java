package org.opensoc.detect;

import java.util.Locale;
import java.util.Set;

/**
 * The decoded views of one line that pattern rules read, computed once per distinct line and only when a rule
 * asks for them.
 */
final class DecodedLine {

    /**
     * Syslog programs whose messages are commands or paths by design (cron jobs, sudo audit lines, unit names):
     * web-attack patterns on them would only produce false positives.
     */
    private static final Set<String> COMMAND_DAEMONS = Set.of("cron", "crond", "anacron", "atd", "systemd", "sudo", "su",
            "run-parts", "systemd-logind", "kernel", "rsyslogd", "dbus-daemon", "polkitd");

    final LogLine line;
    private String request;
    private String agent;
    private String referer;
    private String message;
    private String whole;

    DecodedLine(LogLine line) {
        this.line = line;
    }

    /** The field a rule target names, or null when this line has no such field. */
    LogLine.Field field(String target) {
        switch (target) {
            case "request":
                LogLine.Field t = line.field(LogLine.TARGET);
                if (t != null) {
                    return t;
                }
                return carriesPayload() ? line.field(LogLine.MESSAGE) : null;
            case "agent":
                return line.field(LogLine.AGENT);
            case "referer":
                return line.field(LogLine.REFERER);
            case "message":
                return line.format() == LogFormat.ANNOTATION ? null : line.field(LogLine.MESSAGE);
            case "line":
                return new LogLine.Field(line.raw(), line.start(), line.end());
            default:
                throw new IllegalArgumentException("unknown rule target " + target);
        }
    }

    /** The decoded text of a rule target, or null. */
    String decoded(String target) {
        switch (target) {
            case "request":
                if (request == null) {
                    request = decode(field(target));
                }
                return request;
            case "agent":
                if (agent == null) {
                    agent = decode(field(target));
                }
                return agent;
            case "referer":
                if (referer == null) {
                    referer = decode(field(target));
                }
                return referer;
            case "message":
                if (message == null) {
                    message = decode(field(target));
                }
                return message;
            case "line":
                if (whole == null) {
                    whole = PayloadDecoder.normalize(line.raw());
                }
                return whole;
            default:
                throw new IllegalArgumentException("unknown rule target " + target);
        }
    }

    private static String decode(LogLine.Field f) {
        return f == null ? "" : PayloadDecoder.normalize(f.value());
    }

    /** Lines whose message may itself be a request or payload: unknown text, JSON/CSV, most syslog programs. */
    private boolean carriesPayload() {
        switch (line.format()) {
            case GENERIC:
            case JSON:
            case CSV:
                return true;
            case SYSLOG_RFC3164:
            case SYSLOG_RFC5424:
                String program = line.get(LogLine.PROGRAM);
                return program == null || !COMMAND_DAEMONS.contains(program.toLowerCase(Locale.ROOT));
            default:
                return false;
        }
    }
}
