package org.opensoc.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Lines of a plain-text log. Invalid UTF-8 is replaced with U+FFFD rather than refused, so the line count of a
 * damaged file is kept; a line longer than the cap keeps its head and is flagged, its tail is skipped unread
 * into memory; {@code \n}, {@code \r\n} and a lone {@code \r} all end a line.
 */
public final class TextLineSource implements LineSource {

    private final CountingInputStream counted;
    private final Reader reader;
    private final int maxLineChars;
    private final char[] buffer = new char[16384];
    private int position;
    private int limit;
    private boolean pendingLf;
    private long lineNumber;

    public TextLineSource(InputStream in, int maxLineChars) {
        this.counted = new CountingInputStream(in);
        this.reader = new InputStreamReader(counted, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
        this.maxLineChars = maxLineChars;
    }

    @Override
    public NumberedLine next() throws IOException {
        StringBuilder line = new StringBuilder(128);
        boolean truncated = false;
        boolean binary = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? new NumberedLine(++lineNumber, line.toString(), truncated, binary) : null;
                }
            }
            char c = buffer[position++];
            if (c == '\uFEFF' && lineNumber == 0 && line.length() == 0) {
                // A byte order mark is not part of the first line.
                continue;
            }
            if (pendingLf) {
                pendingLf = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\n' || c == '\r') {
                pendingLf = c == '\r';
                return new NumberedLine(++lineNumber, line.toString(), truncated, binary);
            }
            any = true;
            if (c == 0 || (c < 0x20 && c != '\t' && c != 0x1b && c != '\f')) {
                binary = true;
                c = '\uFFFD';
            }
            if (truncated) {
                continue;
            }
            if (line.length() < maxLineChars) {
                line.append(c);
            } else {
                truncated = true;
                // The cap never leaves half a surrogate pair behind.
                if (Character.isHighSurrogate(line.charAt(line.length() - 1))) {
                    line.setLength(line.length() - 1);
                }
            }
        }
    }

    @Override
    public long bytesRead() {
        return counted.count();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
