package org.opensoc.eval;

/** Told after each entry of a run, so a long run can show how far it has come and what failed. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener SILENT = (done, total) -> {
    };

    void progressed(int done, int total);

    /** The analyzer threw on the entry at this 0-based index; the run goes on and scores it as no answer. */
    default void failed(int index, RuntimeException error) {
    }
}
