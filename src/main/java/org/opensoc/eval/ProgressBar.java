package org.opensoc.eval;

import java.io.PrintWriter;

/** A one-line progress bar, redrawn in place on a terminal stream (stderr, so stdout stays the report). */
public final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 40;

    private final PrintWriter out;
    private int lastDrawn = -1;

    public ProgressBar(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void progressed(int done, int total) {
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        // Redraw only when the bar moves, so a run of millions of entries does not flood the terminal.
        if (filled == lastDrawn && done != total) {
            return;
        }
        lastDrawn = filled;
        out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total);
        if (done == total) {
            out.println();
        }
        out.flush();
    }
}
