package org.opensoc.batch;

/** A CSV upload none of whose columns holds log text: the caller's mistake, answered 400. */
public class UnusableCsvException extends IllegalArgumentException {

    public UnusableCsvException(String message) {
        super(message);
    }
}
