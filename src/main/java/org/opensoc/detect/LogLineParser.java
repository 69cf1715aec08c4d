package org.opensoc.detect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recognizes the format of one line and splits it into canonical fields with raw offsets. Every pattern is
 * RE2J (linear time): the line is attacker-controlled. Never fails: an unknown line is {@link LogFormat#GENERIC}.
 */
final class LogLineParser {

    private static final Pattern SYSLOG_3164 = Pattern.compile(
            "^(?:<(\\d{1,3})>)?([A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d|\\d{4}-\\d\\d-\\d\\dT[\\d:.]+(?:Z|[+-]\\d\\d:?\\d\\d)?) "
                    + "(\\S+) ([^\\s:\\[]{1,64})(?:\\[(\\d{1,10})\\])?: ?(.*)$");
    private static final Pattern SYSLOG_5424 = Pattern.compile(
            "^<(\\d{1,3})>1 (\\S+) (\\S+) (\\S+) (\\S+) (\\S+) ((?:\\[[^\\]]*\\])+|-) ?(.*)$");
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z_][\\w.-]{0,40})=(\"[^\"]*\"|'[^']*'|\\S*)");
    private static final Pattern WINDOWS_ONE_LINE = Pattern.compile("(?i)\\bevent_?(?:id|code)\\s*[=:]\\s*\"?\\d{3,5}\\b");
    private static final Pattern XML_EVENT_ID = Pattern.compile("<EventID[^>]{0,60}>\\s*(\\d{1,5})\\s*</EventID>");
    private static final Pattern XML_DATA = Pattern.compile("<Data Name=['\"]([A-Za-z]{1,40})['\"]>([^<]{0,400})</Data>");
    private static final Pattern FIREWALL = Pattern.compile("\\bSRC=\\S+ DST=\\S+");
    private static final Pattern ANNOTATION = Pattern.compile("^\\s*(?:\\.{3}\\s*)?\\[(.{1,500})\\]\\s*$");
    private static final Pattern IP = Pattern.compile(
            "\\b((?:\\d{1,3}\\.){3}\\d{1,3}|[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{0,4}){2,7})\\b");
    private static final Pattern SSH_SOURCE = Pattern.compile("\\bfrom (\\S+)(?: port (\\d+))?");
    private static final Pattern SSH_USER = Pattern.compile(
            "(?:\\bfor (?:invalid user )?|\\binvalid user |\\buser[= ])([^\\s;]{1,64})");

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper()
            .configure(JsonParser.Feature.ALLOW_SINGLE_QUOTES, true);

    private LogLineParser() {
    }

    /** The typed line for raw text that starts at {@code offset} in the entry. */
    static LogLine parse(String line, int offset) {
        Map<String, LogLine.Field> f = new LinkedHashMap<>();
        String trimmed = line.strip();
        if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
            LogLine json = json(line, offset, f);
            if (json != null) {
                return json;
            }
        }
        if (AccessLogScanner.scan(line, offset, f)) {
            return new LogLine(LogFormat.WEB_ACCESS, offset, offset + line.length(), line, f);
        }
        char c0 = trimmed.isEmpty() ? ' ' : trimmed.charAt(0);
        boolean syslogShape = c0 == '<' || Character.isUpperCase(c0) || Character.isDigit(c0);
        Matcher m = syslogShape && c0 == '<' ? SYSLOG_5424.matcher(line) : null;
        if (m != null && m.find()) {
            put(f, LogLine.TIME, m, 2, offset);
            put(f, LogLine.HOST, m, 3, offset);
            put(f, LogLine.PROGRAM, m, 4, offset);
            put(f, LogLine.PID, m, 5, offset);
            put(f, LogLine.MESSAGE, m, 8, offset);
            return message(LogFormat.SYSLOG_RFC5424, line, offset, f);
        }
        m = syslogShape ? SYSLOG_3164.matcher(line) : null;
        if (m != null && m.find()) {
            put(f, LogLine.TIME, m, 2, offset);
            put(f, LogLine.HOST, m, 3, offset);
            put(f, LogLine.PROGRAM, m, 4, offset);
            put(f, LogLine.PID, m, 5, offset);
            put(f, LogLine.MESSAGE, m, 6, offset);
            return message(LogFormat.SYSLOG_RFC3164, line, offset, f);
        }
        if (line.contains("SRC=") && FIREWALL.matcher(line).find()) {
            keyValues(line, offset, f);
            f.put(LogLine.MESSAGE, new LogLine.Field(line, offset, offset + line.length()));
            return new LogLine(LogFormat.FIREWALL, offset, offset + line.length(), line, f);
        }
        if (line.contains("<EventID")) {
            LogLine xml = xmlEvent(line, offset, f);
            if (xml != null) {
                return xml;
            }
        }
        if ((line.contains("vent") || line.contains("VENT")) && WINDOWS_ONE_LINE.matcher(line).find()) {
            keyValues(line, offset, f);
            f.putIfAbsent(LogLine.MESSAGE, new LogLine.Field(line, offset, offset + line.length()));
            return new LogLine(LogFormat.WINDOWS_EVENT, offset, offset + line.length(), line, f);
        }
        m = c0 == '[' || c0 == '.' ? ANNOTATION.matcher(line) : null;
        if (m != null && m.find()) {
            put(f, LogLine.MESSAGE, m, 1, offset);
            return new LogLine(LogFormat.ANNOTATION, offset, offset + line.length(), line, f);
        }
        f.put(LogLine.MESSAGE, new LogLine.Field(line, offset, offset + line.length()));
        Matcher ip = IP.matcher(line);
        if (ip.find()) {
            put(f, LogLine.SOURCE, ip, 1, offset);
        }
        return new LogLine(LogFormat.GENERIC, offset, offset + line.length(), line, f);
    }

    /** A Windows event rendered as XML on one line (wevtutil qe /f:xml): the id and its named Data fields. */
    private static LogLine xmlEvent(String line, int offset, Map<String, LogLine.Field> f) {
        Matcher id = XML_EVENT_ID.matcher(line);
        if (!id.find()) {
            return null;
        }
        put(f, LogLine.EVENT_ID, id, 1, offset);
        Matcher data = XML_DATA.matcher(line);
        while (data.find()) {
            String name = FieldNames.canonical(data.group(1));
            if (!data.group(2).isBlank() && !data.group(2).equals("-")) {
                f.putIfAbsent(name == null ? data.group(1) : name,
                        new LogLine.Field(data.group(2), offset + data.start(2), offset + data.end(2)));
            }
        }
        f.putIfAbsent(LogLine.MESSAGE, new LogLine.Field(line, offset, offset + line.length()));
        return new LogLine(LogFormat.WINDOWS_EVENT, offset, offset + line.length(), line, f);
    }

    /** Syslog: also the sshd source and user, and firewall fields when the kernel logged a netfilter line. */
    private static LogLine message(LogFormat format, String line, int offset, Map<String, LogLine.Field> f) {
        LogLine.Field msg = f.get(LogLine.MESSAGE);
        if (msg != null) {
            String text = msg.value();
            int base = msg.start();
            Matcher src = SSH_SOURCE.matcher(text);
            if (src.find()) {
                f.put(LogLine.SOURCE, new LogLine.Field(src.group(1), base + src.start(1), base + src.end(1)));
            }
            Matcher user = SSH_USER.matcher(text);
            if (user.find()) {
                f.put(LogLine.USER, new LogLine.Field(user.group(1), base + user.start(1), base + user.end(1)));
            }
            if (text.contains("SRC=") && FIREWALL.matcher(text).find()) {
                keyValues(text, base, f);
                f.put(LogLine.MESSAGE, msg);
                return new LogLine(LogFormat.FIREWALL, offset, offset + line.length(), line, f);
            }
        }
        return new LogLine(format, offset, offset + line.length(), line, f);
    }

    /** "METHOD target HTTP/x": split at the first space and the last " HTTP/"; anything else is all target. */
    static void request(Map<String, LogLine.Field> f, String request, int start) {
        int sp = request.indexOf(' ');
        if (sp >= 3 && sp <= 10 && letters(request, 0, sp)) {
            f.put(LogLine.METHOD, new LogLine.Field(request.substring(0, sp), start, start + sp));
            int proto = request.lastIndexOf(" HTTP/");
            int targetEnd = proto > sp ? proto : request.length();
            f.put(LogLine.TARGET, new LogLine.Field(request.substring(sp + 1, targetEnd), start + sp + 1, start + targetEnd));
            if (proto > sp) {
                f.put(LogLine.PROTOCOL, new LogLine.Field(request.substring(proto + 1), start + proto + 1,
                        start + request.length()));
            }
        } else {
            f.put(LogLine.TARGET, new LogLine.Field(request, start, start + request.length()));
        }
    }

    /** A whole request line ("GET /x HTTP/1.1") stored under a target field of a JSON or CSV record. */
    private static void splitRequestTarget(Map<String, LogLine.Field> f) {
        LogLine.Field target = f.get(LogLine.TARGET);
        if (target != null && f.get(LogLine.METHOD) == null && target.value().lastIndexOf(" HTTP/") > 0) {
            f.remove(LogLine.TARGET);
            request(f, target.value(), target.start());
        }
    }

    private static boolean letters(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    /** key=value pairs (netfilter, one-line Windows events, logfmt), canonical names where we know them. */
    static void keyValues(String text, int base, Map<String, LogLine.Field> f) {
        Matcher kv = KEY_VALUE.matcher(text);
        while (kv.find()) {
            String key = kv.group(1);
            String value = kv.group(2);
            int vs = kv.start(2);
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
                value = value.substring(1, value.length() - 1);
                vs++;
            }
            String name = canonicalKey(key);
            f.putIfAbsent(name, new LogLine.Field(value, base + vs, base + vs + value.length()));
        }
    }

    private static String canonicalKey(String key) {
        switch (key) {
            case "SRC": return LogLine.SOURCE;
            case "DST": return LogLine.DESTINATION;
            case "DPT": return LogLine.DEST_PORT;
            default:
                String c = FieldNames.canonical(key);
                return c == null ? key : c;
        }
    }

    private static LogLine json(String line, int offset, Map<String, LogLine.Field> f) {
        JsonNode node;
        try {
            node = JSON_MAPPER.readTree(line);
        } catch (IOException e) {
            return null;
        }
        if (node == null || !node.isObject()) {
            return null;
        }
        flatten("", node, line, offset, f, 0);
        splitRequestTarget(f);
        return new LogLine(LogFormat.JSON, offset, offset + line.length(), line, f);
    }

    /** Fields read from one JSON line; a log record has a few dozen, a hostile one may have thousands. */
    private static final int MAX_JSON_FIELDS = 200;

    private static void flatten(String prefix, JsonNode node, String line, int offset,
                                Map<String, LogLine.Field> f, int depth) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (f.size() >= MAX_JSON_FIELDS) {
                break;
            }
            String name = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject() && depth < 3) {
                flatten(name, v, line, offset, f, depth + 1);
            } else if (v.isValueNode()) {
                String text = v.asText();
                String canonical = FieldNames.canonical(name);
                if (canonical == null) {
                    canonical = FieldNames.canonical(e.getKey());
                }
                int at = text.isEmpty() ? -1 : line.indexOf(text);
                LogLine.Field field = at >= 0
                        ? new LogLine.Field(text, offset + at, offset + at + text.length())
                        : new LogLine.Field(text, offset, offset + line.length());
                f.putIfAbsent(canonical == null ? name : canonical, field);
            }
        }
    }

    /** Puts the row of a CSV entry under canonical names of its header. */
    static LogLine csvRow(String line, int offset, String[] header, Iterable<String> values) {
        Map<String, LogLine.Field> f = new LinkedHashMap<>();
        int i = 0;
        int searchFrom = 0;
        for (String value : values) {
            if (i >= header.length) {
                break;
            }
            String canonical = FieldNames.canonical(header[i]);
            int at = value.isEmpty() ? -1 : line.indexOf(value, searchFrom);
            LogLine.Field field = at >= 0
                    ? new LogLine.Field(value, offset + at, offset + at + value.length())
                    : new LogLine.Field(value, offset, offset + line.length());
            if (at >= 0) {
                searchFrom = at + value.length();
            }
            f.putIfAbsent(canonical == null ? header[i] : canonical, field);
            i++;
        }
        splitRequestTarget(f);
        return new LogLine(LogFormat.CSV, offset, offset + line.length(), line, f);
    }

    private static void put(Map<String, LogLine.Field> f, String name, Matcher m, int group, int offset) {
        String v = m.group(group);
        if (v != null && !v.equals("-")) {
            f.put(name, new LogLine.Field(v, offset + m.start(group), offset + m.end(group)));
        }
    }
}
