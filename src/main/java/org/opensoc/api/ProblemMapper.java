package org.opensoc.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.opensoc.llm.ModelUnavailableException;

/** Every failure answers RFC 9457 problem JSON with the status that says what went wrong. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response known(ProblemException e, UriInfo uri) {
        return respond(Problem.of(e.type(), e.title(), e.status(), e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response modelUnavailable(ModelUnavailableException e, UriInfo uri) {
        return known(ProblemException.modelUnavailable("analyzer=llm needs the model, and it is unavailable: "
                + e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of("unreadable-body", "Bad Request", 400,
                "the body is not valid JSON: " + e.getOriginalMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String detail = status == 415
                ? "send application/json {\"log\": \"...\"} or text/plain with the entry as the body"
                : e.getMessage();
        return respond(Problem.of(slug, title, status, detail, path(uri)));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        Log.error("unexpected failure", e);
        return respond(Problem.of("internal-error", "Internal Server Error", 500,
                "the service failed unexpectedly; the error is logged", path(uri)));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
