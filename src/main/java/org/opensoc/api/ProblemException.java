package org.opensoc.api;

/**
 * A request that fails with a known HTTP status; answered as RFC 9457 problem JSON by {@link ProblemMapper}.
 * {@code type} is a short slug that becomes the problem's type URI.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String type;

    public ProblemException(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ProblemException badRequest(String type, String detail) {
        return new ProblemException(400, type, "Bad Request", detail);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "entry-too-large", "Content Too Large", detail);
    }

    public static ProblemException modelUnavailable(String detail) {
        return new ProblemException(503, "model-unavailable", "Model Unavailable", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String type() {
        return type;
    }
}
