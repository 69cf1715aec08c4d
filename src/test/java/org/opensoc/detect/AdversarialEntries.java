package org.opensoc.detect;

import java.util.LinkedHashMap;
import java.util.Map;

/** Entries built to bait backtracking regex engines and quadratic scans, for the safety test and the benchmark. */
public final class AdversarialEntries {

    private static final int SIZE = EmbeddedDetector.MAX_ENTRY_CHARS;

    private AdversarialEntries() {
    }

    /** Name to entry, each about 64 KiB. */
    public static Map<String, String> all() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("one long word", "a".repeat(SIZE));
        m.put("nested quantifier bait", "a".repeat(SIZE - 1) + "!");
        m.put("unclosed quotes in a request", "1.2.3.4 - - [01/Jan/2025:00:00:00 +0000] \"GET /" + "\"".repeat(SIZE - 60));
        m.put("tautology prefix repeated", " or 1".repeat(SIZE / 5));
        m.put("angle brackets", "<a ".repeat(SIZE / 3));
        m.put("event handler bait", "<img src=x o".repeat(SIZE / 12));
        m.put("traversal steps", "../".repeat(SIZE / 3));
        m.put("percent nesting", "%25".repeat(SIZE / 3));
        m.put("unicode escapes", "%u".repeat(SIZE / 2));
        m.put("entities without semicolons", "&#".repeat(SIZE / 2));
        m.put("ampersands", "&".repeat(SIZE));
        m.put("open comments", "/*a".repeat(SIZE / 3));
        m.put("shell separators", ";|&&$(`".repeat(SIZE / 7));
        m.put("brackets", "[".repeat(SIZE));
        m.put("key=value pairs", "a=b ".repeat(SIZE / 4));
        m.put("json braces", "{\"a\":".repeat(SIZE / 5));
        m.put("json many fields", "{" + "\"k\":\"v\",".repeat(SIZE / 9) + "\"z\":1}");
        m.put("windows block of descriptions", "EventID: 4688\n" + "Description: x\n".repeat((SIZE - 20) / 15));
        m.put("many short lines", "GET /?id=1' OR '1'='1\n".repeat(SIZE / 22));
        m.put("many distinct web lines", distinctWebLines());
        m.put("csv with a huge row", "time,src_ip,uri,status\n" + "x,".repeat(SIZE / 2 - 20));
        return m;
    }

    private static String distinctWebLines() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < SIZE - 200; i++) {
            b.append("10.0.").append(i % 250).append('.').append(i % 7).append(" - - [01/Jan/2025:00:00:00 +0000] \"GET /p")
                    .append(i).append("?q=<a%20o HTTP/1.1\" 404 0 \"-\" \"x\"\n");
        }
        return b.toString();
    }
}
