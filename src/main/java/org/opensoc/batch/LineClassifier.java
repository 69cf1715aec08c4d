package org.opensoc.batch;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import org.opensoc.detect.AccessLogScanner;
import org.opensoc.detect.LogLine;

/**
 * Reads the facts grouping needs from one raw line: the log format, the source address, the timestamp and the
 * aggregate activity. RE2J only (log text is attacker-controlled), each pattern anchored or bounded.
 */
public final class LineClassifier {

    private static final Pattern SYSLOG = Pattern.compile(
            "^([A-Z][a-z][a-z] +\\d\\d? \\d\\d:\\d\\d:\\d\\d|\\d\\d\\d\\d-\\d\\d-\\d\\dT\\S+) \\S+ ([\\w\\-./]+)(?:\\[\\d+\\])?: ");
    private static final Pattern WINDOWS_START = Pattern.compile("^\\s*(?:EventID|Event ID|EventCode)\\s*[:=]\\s*(\\d{3,5})\\b");
    private static final Pattern WINDOWS_INLINE = Pattern.compile("(?i)\\b(?:EventID|Event ID|EventCode)\\s*[:=]\\s*\"?(\\d{3,5})\\b");
    private static final Pattern FIELD = Pattern.compile("^\\s*[A-Za-z][A-Za-z0-9 _./()-]{0,40}\\s*:\\s");
    private static final Pattern WINDOWS_SOURCE = Pattern.compile(
            "(?i)(?:Source IP|Source Network Address|IpAddress|Client Address)\\s*[:=]\\s*\"?([0-9A-Fa-f:.]{3,45})");
    private static final Pattern WINDOWS_TIME = Pattern.compile("(?i)^\\s*(?:Timestamp|TimeCreated|Date)\\s*[:=]\\s*(.{8,40})$");
    private static final Pattern NOTE = Pattern.compile("^\\[[^\\]]*\\]\\s*$");
    private static final Pattern DATED_BRACKET = Pattern.compile("^\\[(?:\\d{4}-|\\d{1,2}/[A-Z][a-z]{2}/|[A-Z][a-z]{2} [A-Z][a-z]{2} )");
    private static final Pattern FROM_ADDRESS = Pattern.compile("(?:\\bfrom|rhost=)\\s*((?:\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})");
    private static final Pattern ANY_IPV4 = Pattern.compile("\\b((?:\\d{1,3}\\.){3}\\d{1,3})\\b");
    private static final Pattern ISO_TIME = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2})");
    private static final Pattern SSH_FAILURE = Pattern.compile(
            "Failed (?:password|publickey|keyboard-interactive)|Invalid user|authentication failure|maximum authentication attempts|Connection closed by (?:authenticating|invalid) user");
    private static final Pattern SSH_SUCCESS = Pattern.compile("Accepted (?:password|publickey|keyboard-interactive)");
    private static final Pattern LOGIN_PATH = Pattern.compile("(?i)log-?in|sign-?in|wp-login|/auth|/session|/token|/oauth|/account");

    /** Apache/Nginx "16/Mar/2025:01:05:33", with or without a zone. */
    private static final DateTimeFormatter ACCESS_TIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("dd/MMM/yyyy:HH:mm:ss").optionalStart().appendPattern(" Z").optionalEnd()
            .toFormatter(Locale.ROOT);
    /** syslog "Mar 15 01:05:33" carries no year; a fixed one keeps differences right within a file. */
    private static final DateTimeFormatter SYSLOG_TIME = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("MMM ppd HH:mm:ss").parseDefaulting(ChronoField.YEAR, 2000).toFormatter(Locale.ROOT);
    /** The Windows rendering of the training data, "15-Mar-2025:02:14:01". */
    private static final DateTimeFormatter WINDOWS_TIME_FORMAT = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("dd-MMM-yyyy:HH:mm:ss").toFormatter(Locale.ROOT);

    private final boolean csv;

    /** @param csv whether lines come from the message column of a CSV export */
    public LineClassifier(boolean csv) {
        this.csv = csv;
    }

    public LineFacts classify(String line) {
        if (line.isBlank()) {
            return new LineFacts(null, null, null, Activity.NONE, LineFacts.Shape.BLANK);
        }
        LogLine access = AccessLogScanner.parse(line);
        if (access != null) {
            Activity activity = httpActivity(access.get(LogLine.METHOD), access.get(LogLine.TARGET), access.status());
            return new LineFacts(access.get(LogLine.SOURCE), "access", timeIfGrouped(activity, access.get(LogLine.TIME), ACCESS_TIME), activity,
                    LineFacts.Shape.LINE);
        }
        Matcher syslog = SYSLOG.matcher(line);
        if (syslog.find()) {
            String program = syslog.group(2);
            boolean ssh = program.startsWith("sshd");
            Activity activity = !ssh ? Activity.NONE
                    : SSH_FAILURE.matcher(line).find() ? Activity.SSH_FAILURE
                    : SSH_SUCCESS.matcher(line).find() ? Activity.SSH_SUCCESS : Activity.NONE;
            String stamp = syslog.group(1);
            Instant time = activity.groupKind() == null ? null
                    : stamp.charAt(0) <= '9' ? parseIso(stamp) : parse(stamp, SYSLOG_TIME);
            return new LineFacts(group(FROM_ADDRESS, line), ssh ? "auth" : "syslog", time, activity, LineFacts.Shape.LINE);
        }
        Matcher windows = WINDOWS_START.matcher(line);
        if (windows.find()) {
            return new LineFacts(group(WINDOWS_SOURCE, line), "windows", null, windowsActivity(windows.group(1)),
                    LineFacts.Shape.RECORD_START);
        }
        Matcher inline = WINDOWS_INLINE.matcher(line);
        if (inline.find()) {
            Activity activity = windowsActivity(inline.group(1));
            return new LineFacts(group(WINDOWS_SOURCE, line), "windows", activity.groupKind() == null ? null : isoTime(line),
                    activity, LineFacts.Shape.LINE);
        }
        if (Character.isWhitespace(line.charAt(0)) || NOTE.matcher(line).matches() && !DATED_BRACKET.matcher(line).find()) {
            return new LineFacts(null, null, null, Activity.NONE, LineFacts.Shape.CONTINUATION);
        }
        if (FIELD.matcher(line).find()) {
            return new LineFacts(group(WINDOWS_SOURCE, line), null, windowsFieldTime(line), Activity.NONE, LineFacts.Shape.FIELD);
        }
        return new LineFacts(group(ANY_IPV4, line), csv ? "csv" : "text", null, Activity.NONE, LineFacts.Shape.LINE);
    }

    /** Only grouping reads a line's time, so a line that stands alone is spared the date parsing. */
    private static Instant timeIfGrouped(Activity activity, String stamp, DateTimeFormatter format) {
        return activity.groupKind() == null ? null : parse(stamp, format);
    }

    /** A field line's timestamp, for the record it belongs to. */
    private static Instant windowsFieldTime(String line) {
        Matcher m = WINDOWS_TIME.matcher(line);
        if (!m.find()) {
            return null;
        }
        String value = m.group(1).trim();
        Instant t = parse(value, WINDOWS_TIME_FORMAT);
        return t != null ? t : isoTime(value);
    }

    private static Activity httpActivity(String method, String path, int status) {
        boolean login = LOGIN_PATH.matcher(path).find() && ("POST".equals(method) || status == 401);
        if (login) {
            return status == 401 || status == 403 ? Activity.HTTP_LOGIN_FAILURE
                    : status < 400 ? Activity.HTTP_LOGIN_SUCCESS : Activity.NONE;
        }
        if (status == 429 || status == 503) {
            return Activity.HTTP_FLOOD;
        }
        if (status == 404 || status == 401 || status == 403 || status == 405) {
            return Activity.HTTP_PROBE;
        }
        return Activity.NONE;
    }

    private static Activity windowsActivity(String eventId) {
        return "4625".equals(eventId) ? Activity.WINDOWS_LOGON_FAILURE : Activity.NONE;
    }

    private static String group(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    private static Instant isoTime(String line) {
        String t = group(ISO_TIME, line);
        return t == null ? null : parseIso(t);
    }

    private static Instant parseIso(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                String local = text.length() >= 19 ? text.substring(0, 19).replace(' ', 'T') : text;
                return LocalDateTime.parse(local).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static Instant parse(String text, DateTimeFormatter format) {
        try {
            var parsed = format.parse(text);
            LocalDateTime local = LocalDateTime.from(parsed);
            ZoneOffset zone = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
            return local.toInstant(zone);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
