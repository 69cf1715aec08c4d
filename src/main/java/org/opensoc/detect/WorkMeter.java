package org.opensoc.detect;

/**
 * Counts the characters handed to regular expressions while one entry is analyzed. RE2J runs in time linear
 * in its input, so this count bounds the matching work; the safety test checks it instead of a clock.
 */
public final class WorkMeter {

    public WorkMeter() {
    }

    private long scannedChars;

    void scanned(int chars) {
        scannedChars += chars;
    }

    public long scannedChars() {
        return scannedChars;
    }
}
