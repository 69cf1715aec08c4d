package org.opensoc.batch;

/** An upload with no log line in it: nothing to analyze, answered 400 rather than an empty report. */
public class EmptyInputException extends IllegalArgumentException {

    public EmptyInputException() {
        super("the file holds no log lines");
    }
}
