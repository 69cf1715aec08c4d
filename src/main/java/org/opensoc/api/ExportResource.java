package org.opensoc.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.jboss.logging.Logger;
import org.opensoc.batch.TextLineSource;
import org.opensoc.batch.export.EntryReplay;
import org.opensoc.batch.export.ExportFormat;

/**
 * {@code POST /api/v1/export?format=csv|jsonl|ecs|ocsf}: the entries of a batch the client holds (the NDJSON
 * it was streamed) turned into an export download, without analyzing anything again. Streamed both ways, and
 * ordered before the global body-size check like the batch route, since a large batch's entries exceed it.
 */
@ApplicationScoped
public class ExportResource {

    static final String PATH = "/api/v1/export";

    /** An entry line is a few KiB; a line this long is not one. */
    private static final int MAX_ENTRY_LINE_CHARS = 1 << 20;

    private static final Logger LOG = Logger.getLogger(ExportResource.class);
    private static final Set<String> NDJSON_TYPES = Set.of("", "application/x-ndjson", "application/jsonl",
            "application/json", "text/plain");

    @Inject
    ObjectMapper json;

    void register(@Observes Router router) {
        router.post(PATH).order(BatchResource.ROUTE_ORDER).handler(this::export);
    }

    void export(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        ExportFormat format;
        try {
            String f = request.getParam("format");
            if (f == null || f.isBlank()) {
                throw ProblemException.badRequest("bad-format", "the query parameter format (csv, jsonl, ecs, ocsf) is required");
            }
            format = BatchResource.parseFormat(f);
            String type = RouteProblems.mediaType(request);
            if (!NDJSON_TYPES.contains(type)) {
                throw RouteProblems.unsupportedMediaType(type, "application/x-ndjson (the entries of a batch stream)");
            }
        } catch (ProblemException e) {
            RouteProblems.send(request, json, e);
            return;
        }
        Context context = ctx.vertx().getOrCreateContext();
        BatchRequestBody body = new BatchRequestBody(context);
        body.attachOnce(request, null, RouteProblems.mediaType(request));
        request.exceptionHandler(body::fail);
        BatchResponseWriter out = new BatchResponseWriter(request.response(), r -> headers(r, format),
                () -> body.fail(new CancellationException("the client disconnected")));
        request.resume();
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            ProblemException problem = null;
            try (TextLineSource lines = new TextLineSource(body, MAX_ENTRY_LINE_CHARS)) {
                EntryReplay.export(lines, format.open(out, json), json);
                out.close();
            } catch (IllegalArgumentException e) {
                problem = ProblemException.badRequest("bad-entries", e.getMessage());
            } catch (CancellationException e) {
                LOG.debugf("export stopped: %s", e.getMessage());
            } catch (IOException e) {
                if (!out.clientGone()) {
                    problem = ProblemException.badRequest("unreadable-body", "the body could not be read: " + e.getMessage());
                }
            }
            if (problem != null) {
                ProblemException answer = problem;
                context.runOnContext(v -> RouteProblems.send(request, json, answer));
            }
        });
    }

    private static void headers(HttpServerResponse response, ExportFormat format) {
        response.setStatusCode(200);
        response.putHeader("Content-Type", format.mediaType() + "; charset=utf-8");
        response.putHeader("Content-Disposition", "attachment; filename=\"" + format.fileName("opensoc-export") + "\"");
    }
}
