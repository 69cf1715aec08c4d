package org.opensoc.detect;

/**
 * Normalizes attacker-controlled text the way a WAF does before matching (OWASP CRS transformations
 * urlDecodeUni, utf8toUnicode, htmlEntityDecode, removeNulls, replaceComments, normalizePath,
 * compressWhitespace, lowercase),
 * so that {@code %2e%2e%2f}, {@code %u003c}, {@code &lt;script&gt;} and {@code UNION/**&#47;SELECT} match the same
 * rules as their plain forms. Every step only shortens or keeps the text, and the passes are bounded, so the
 * work is linear in the input.
 */
public final class PayloadDecoder {

    /** Double and triple encoding are common evasions; more passes than this buy nothing. */
    static final int MAX_URL_PASSES = 3;

    private PayloadDecoder() {
    }

    /** The normalized, lower-case form of the text. */
    public static String normalize(String text) {
        String s = text;
        for (int i = 0; i < MAX_URL_PASSES && (s.indexOf('%') >= 0 || s.indexOf('+') >= 0); i++) {
            String next = urlDecode(s);
            if (next.equals(s)) {
                break;
            }
            s = next;
        }
        for (int i = 0; i < 2 && s.indexOf('&') >= 0; i++) {
            String next = htmlDecode(s);
            if (next.equals(s)) {
                break;
            }
            s = next;
        }
        return clean(s);
    }

    /** Percent-decoding with %uXXXX and plus-as-space; malformed escapes are kept as they are. */
    static String urlDecode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.append(' ');
            } else if (c == '%' && i + 1 < n && (s.charAt(i + 1) == 'u' || s.charAt(i + 1) == 'U')
                    && hex(s, i + 2, 4) >= 0) {
                out.append(lookalike((char) hex(s, i + 2, 4)));
                i += 5;
            } else if (c == '%' && overlong(s, i) != 0) {
                // Overlong UTF-8 for '.', '/' and '\' (%c0%ae, %c0%af, %e0%80%af, %c1%9c): old IIS/Tomcat bypasses.
                out.append(overlong(s, i));
                i += s.charAt(i + 1) == 'e' || s.charAt(i + 1) == 'E' ? 8 : 5;
            } else if (c == '%' && i + 2 < n && hex(s, i + 1, 2) >= 0) {
                out.append((char) hex(s, i + 1, 2));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The ASCII character an overlong UTF-8 escape at {@code i} stands for, or 0. */
    private static char overlong(String s, int i) {
        int a = hex(s, i + 1, 2);
        if ((a == 0xC0 || a == 0xC1) && i + 5 < s.length() + 1 && i + 3 < s.length() && s.charAt(i + 3) == '%') {
            int b = hex(s, i + 4, 2);
            if (a == 0xC0) {
                return b == 0xAE ? '.' : b == 0xAF || b == 0x2F ? '/' : b == 0x5C ? '\\' : 0;
            }
            return b == 0x9C || b == 0x1C ? '\\' : 0;
        }
        if (a == 0xE0 && i + 6 < s.length() && s.charAt(i + 3) == '%' && hex(s, i + 4, 2) == 0x80
                && s.charAt(i + 6) == '%') {
            int b = hex(s, i + 7, 2);
            return b == 0xAE ? '.' : b == 0xAF ? '/' : 0;
        }
        return 0;
    }

    /** Full-width and division forms of '/', '\\', '.', '<', '>' that some servers fold to ASCII. */
    private static char lookalike(char c) {
        switch (c) {
            case '\u2215': case '\uFF0F': return '/';
            case '\u2216': case '\uFF3C': return '\\';
            case '\uFF0E': return '.';
            case '\uFF1C': return '<';
            case '\uFF1E': return '>';
            default: return c;
        }
    }

    private static int hex(String s, int from, int len) {
        if (from + len > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + len; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** Named entities that matter for markup and quoting, plus decimal and hex numeric references. */
    static String htmlDecode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c != '&') {
                out.append(c);
                continue;
            }
            // Entity names are short: look for the ';' only nearby, so "&&&&..." stays linear.
            int limit = Math.min(n, i + 10);
            int end = -1;
            for (int k = i + 1; k < limit; k++) {
                if (s.charAt(k) == ';') {
                    end = k;
                    break;
                }
            }
            String name = end > 0 ? s.substring(i + 1, end) : null;
            int decoded = name == null ? -1 : entity(name);
            if (decoded < 0 && end < 0) {
                // Browsers also accept numeric references without the semicolon: &#60script
                int j = i + 1;
                if (j < n && s.charAt(j) == '#') {
                    int k = j + 1;
                    boolean hexForm = k < n && (s.charAt(k) == 'x' || s.charAt(k) == 'X');
                    if (hexForm) {
                        k++;
                    }
                    int startDigits = k;
                    while (k < n && k - startDigits < 7 && Character.digit(s.charAt(k), hexForm ? 16 : 10) >= 0) {
                        k++;
                    }
                    if (k > startDigits) {
                        int v = Integer.parseInt(s.substring(startDigits, k), hexForm ? 16 : 10);
                        if (v > 0 && v < 0x10000) {
                            out.append((char) v);
                            i = k - 1;
                            continue;
                        }
                    }
                }
            }
            if (decoded >= 0) {
                out.append((char) decoded);
                i = end;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int entity(String name) {
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "lt": return '<';
            case "gt": return '>';
            case "quot": return '"';
            case "apos": return '\'';
            case "amp": return '&';
            case "sol": return '/';
            case "bsol": return '\\';
            case "lpar": return '(';
            case "rpar": return ')';
            case "colon": return ':';
            case "tab": return '\t';
            case "newline": return '\n';
            case "nbsp": return ' ';
            default:
                break;
        }
        if (name.length() > 1 && name.charAt(0) == '#') {
            boolean hexForm = name.charAt(1) == 'x' || name.charAt(1) == 'X';
            String digits = name.substring(hexForm ? 2 : 1);
            if (digits.isEmpty() || digits.length() > 7) {
                return -1;
            }
            try {
                int v = Integer.parseInt(digits, hexForm ? 16 : 10);
                return v > 0 && v < 0x10000 ? v : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Null bytes and control characters out, SQL/C comments to a space, backslashes to slashes, repeated
     * slashes and "/./" collapsed (".." is kept: it is the evidence), whitespace compressed, lower case.
     */
    static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        // Where the next "*/" is; found once and reused, so "/*/*/*..." without a close stays linear.
        int nextClose = -2;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == 0) {
                continue;
            }
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                if (i + 2 < n && s.charAt(i + 2) == '!') {
                    // MySQL runs the body of a versioned comment (/*!50000UNION*/): keep it, drop the marker.
                    int j = i + 3;
                    while (j < n && j < i + 9 && Character.isDigit(s.charAt(j))) {
                        j++;
                    }
                    appendSpace(out);
                    i = j - 1;
                    continue;
                }
                if (nextClose != -1 && nextClose < i + 2) {
                    nextClose = s.indexOf("*/", i + 2);
                }
                int close = nextClose;
                if (close >= 0) {
                    appendSpace(out);
                    i = close + 1;
                    continue;
                }
            }
            if (c == '*' && i + 1 < n && s.charAt(i + 1) == '/') {
                // The close of a versioned comment whose body was kept.
                appendSpace(out);
                i++;
                continue;
            }
            if (c == '\\') {
                c = '/';
            }
            if (c == '/') {
                int len = out.length();
                if (len > 0 && out.charAt(len - 1) == '/') {
                    continue;
                }
                if (len > 1 && out.charAt(len - 1) == '.' && out.charAt(len - 2) == '/') {
                    out.setLength(len - 1);
                    continue;
                }
                out.append('/');
                continue;
            }
            if (c == '\n' || c == '\r') {
                // Kept: a newline separates shell commands (%0a) where a space does not.
                out.append('\n');
                continue;
            }
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                appendSpace(out);
                continue;
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    private static void appendSpace(StringBuilder out) {
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) != ' ') {
            out.append(' ');
        }
    }
}
