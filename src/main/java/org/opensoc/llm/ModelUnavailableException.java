package org.opensoc.llm;

/** The model could not give a usable answer: unreachable, too slow, failing, or answering nothing we can read. */
public class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ModelUnavailableException(String message) {
        super(message);
    }
}
