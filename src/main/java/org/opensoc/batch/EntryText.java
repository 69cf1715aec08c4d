package org.opensoc.batch;

/** Collects the lines of an entry into the text to analyze, up to a cap, counting what it had to leave out. */
final class EntryText {

    private final StringBuilder text = new StringBuilder(256);
    private final int maxChars;
    private long omittedLines;

    EntryText(int maxChars) {
        this.maxChars = maxChars;
    }

    void add(String line) {
        if (omittedLines > 0 || text.length() + line.length() + 1 > maxChars && text.length() > 0) {
            omittedLines++;
            return;
        }
        if (text.length() > 0) {
            text.append('\n');
        }
        text.append(line, 0, Math.min(line.length(), maxChars - text.length()));
    }

    int length() {
        return text.length();
    }

    @Override
    public String toString() {
        return omittedLines == 0 ? text.toString()
                : text + "\n[" + omittedLines + " more lines of the same activity omitted from analysis]";
    }
}
