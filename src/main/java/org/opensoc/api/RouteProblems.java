package org.opensoc.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * RFC 9457 problem responses for what Vert.x routes answer (the streaming batch routes, the body-size guard):
 * the JAX-RS exception mapper never sees them, so they answer the same {@link Problem} record themselves.
 */
final class RouteProblems {

    private RouteProblems() {
    }

    /**
     * Answers the problem, or resets the stream when output has begun. A request whose body was not read to its
     * end is answered with {@code Connection: close}, so the unread rest of an upload is never parsed as a request.
     */
    static void send(HttpServerRequest request, ObjectMapper json, ProblemException problem) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(Problem.of(problem.type(), problem.title(), problem.status(),
                    problem.getMessage(), request.path()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Problem record always serializes", e);
        }
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (request.isEnded()) {
            response.end(body);
        } else {
            response.putHeader("Connection", "close");
            response.end(body).onComplete(done -> request.connection().close());
        }
    }

    /** The media type of a request without its parameters, lower-case; "" when there is no Content-Type. */
    static String mediaType(HttpServerRequest request) {
        String type = request.getHeader("Content-Type");
        if (type == null) {
            return "";
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** The declared body size, or null (a chunked upload). */
    static Long contentLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        try {
            return length == null ? null : Long.valueOf(length.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static ProblemException unsupportedMediaType(String type, String accepted) {
        return new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                "Content-Type '" + type + "' is not accepted here; send " + accepted);
    }
}
