package org.opensoc.batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Verdicts by template: an entry's text with its numeric tokens masked (addresses, timestamps, ports, ids,
 * counts; see {@link #mask}) is its template, and entries of one template are analyzed once. This is what makes a day
 * of access.log cheap, and what makes the model path bearable at 1-2 s a call. Least recently used templates
 * are dropped past {@code capacity}; long templates are keyed by their SHA-256 so the cache stays small.
 */
public final class TemplateCache<V> {

    /** A cached or freshly computed value. */
    public record Lookup<V>(V value, boolean hit) {
    }

    private static final int MAX_KEY_CHARS = 512;

    private final Map<String, V> entries;

    public TemplateCache(int capacity) {
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public Lookup<V> get(String text, Function<String, V> compute) {
        String key = key(text);
        V cached = entries.get(key);
        if (cached != null) {
            return new Lookup<>(cached, true);
        }
        V value = compute.apply(text);
        entries.put(key, value);
        return new Lookup<>(value, false);
    }

    /** The template of a text: a character scan, no regular expression over attacker text. */
    static String template(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            int end = i;
            boolean digit = false;
            while (end < n && Character.digit(text.charAt(end), 16) >= 0) {
                digit |= Character.isDigit(text.charAt(end));
                end++;
            }
            if (end > i && digit && boundary(text, i - 1) && boundary(text, end)) {
                out.append(mask(text, i, end));
                i = end;
            } else if (end > i) {
                out.append(text, i, end);
                i = end;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    /**
     * The mask of one numeric token. Two kinds of number change a verdict and are kept: an HTTP status standing
     * alone between spaces (200 on an LFI is a success), and the magnitude of a large count (bytes sent).
     */
    private static String mask(String text, int start, int end) {
        boolean decimal = true;
        for (int k = start; k < end; k++) {
            decimal &= Character.isDigit(text.charAt(k));
        }
        int length = end - start;
        if (decimal && length == 3 && text.charAt(start) >= '1' && text.charAt(start) <= '5'
                && start > 0 && text.charAt(start - 1) == ' ' && (end == text.length() || text.charAt(end) == ' ')) {
            return text.substring(start, end);
        }
        return decimal && length >= 7 ? "#" + length : "#";
    }

    /** A hex run is masked only as a whole token, so "abc1" in "xabc1" is kept as text. */
    private static boolean boundary(String text, int index) {
        return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }

    private static String key(String text) {
        String template = template(text);
        if (template.length() <= MAX_KEY_CHARS) {
            return template;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(template.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
