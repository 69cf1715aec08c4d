package org.opensoc.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
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
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.jboss.logging.Logger;
import org.opensoc.AnalyzerMode;
import org.opensoc.batch.BatchService;
import org.opensoc.batch.BatchSink;
import org.opensoc.batch.EmptyInputException;
import org.opensoc.batch.ExportSink;
import org.opensoc.batch.LineSource;
import org.opensoc.batch.NdjsonSink;
import org.opensoc.batch.SseSink;
import org.opensoc.batch.UnusableCsvException;
import org.opensoc.batch.export.ExportFormat;
import org.opensoc.llm.ModelUnavailableException;

/**
 * {@code POST /api/v1/analyze/batch}: a log file of any size (multipart part {@code file}, or the raw body),
 * analyzed as it is received and answered as it goes: NDJSON by default, Server-Sent Events with progress for
 * {@code Accept: text/event-stream}, or an export download with {@code format}.
 *
 * <p>A Vert.x route rather than a JAX-RS method: it must read the body as a stream, and it is ordered before
 * Quarkus's global {@code quarkus.http.limits.max-body-size} check (route order -2), which would refuse a
 * large upload by its Content-Length (and which the JAX-RS body readers enforce while reading). The batch
 * bounds its own memory instead: a paused socket past 1 MiB of unread body, a per-line cap, bounded groups.
 */
@ApplicationScoped
public class BatchResource {

    static final String PATH = "/api/v1/analyze/batch";

    /** Just before the global body-size check of Quarkus (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT). */
    static final int ROUTE_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    private static final Logger LOG = Logger.getLogger(BatchResource.class);
    private static final Set<String> RAW_TYPES = Set.of("", "text/plain", "application/octet-stream", "text/csv");

    @Inject
    BatchService batches;

    @Inject
    ObjectMapper json;

    void register(@Observes Router router) {
        router.post(PATH).order(ROUTE_ORDER).handler(this::analyze);
    }

    void analyze(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        AnalyzerMode mode;
        ExportFormat format;
        try {
            mode = parseMode(request.getParam("analyzer"));
            String f = request.getParam("format");
            format = f == null || f.isBlank() ? null : parseFormat(f);
            String type = RouteProblems.mediaType(request);
            if (!"multipart/form-data".equals(type) && !RAW_TYPES.contains(type)) {
                throw RouteProblems.unsupportedMediaType(type,
                        "multipart/form-data with a 'file' part, text/plain, text/csv or application/octet-stream");
            }
        } catch (ProblemException e) {
            RouteProblems.send(request, json, e);
            return;
        }
        Context context = ctx.vertx().getOrCreateContext();
        BatchRequestBody body = new BatchRequestBody(context);
        if ("multipart/form-data".equals(RouteProblems.mediaType(request))) {
            request.setExpectMultipart(true);
            request.uploadHandler(upload -> {
                if ("file".equals(upload.name()) && body.attachOnce(upload, upload.filename(), upload.contentType())) {
                    return;
                }
                upload.handler(ignored -> {
                });
            });
            request.endHandler(v -> body.end());
        } else {
            body.attachOnce(request, null, RouteProblems.mediaType(request));
        }
        request.exceptionHandler(body::fail);
        boolean sse = accepts(request, "text/event-stream");
        BatchResponseWriter out = new BatchResponseWriter(request.response(), r -> headers(r, format, sse),
                () -> body.fail(new CancellationException("the client disconnected")));
        Long total = RouteProblems.contentLength(request);
        request.resume();
        Infrastructure.getDefaultWorkerPool().execute(() -> run(context, request, body, out, mode, format, sse, total));
    }

    private void run(Context context, HttpServerRequest request, BatchRequestBody body, BatchResponseWriter out,
            AnalyzerMode mode, ExportFormat format, boolean sse, Long total) {
        try {
            if (!body.awaitStart()) {
                throw ProblemException.badRequest("missing-file", "the multipart upload has no part named 'file'");
            }
            boolean csv = isCsv(body.fileName(), body.contentType());
            try (LineSource lines = batches.lines(body, csv)) {
                BatchSink sink = format != null ? new ExportSink(format.open(out, json))
                        : sse ? new SseSink(out, json) : new NdjsonSink(out, json);
                batches.run(mode, lines, csv, total, sink, out::clientGone);
            }
            out.close();
        } catch (UnusableCsvException e) {
            fail(context, request, ProblemException.badRequest("csv-without-log-column", e.getMessage()));
        } catch (EmptyInputException e) {
            fail(context, request, ProblemException.badRequest("empty-file", e.getMessage()));
        } catch (ProblemException e) {
            fail(context, request, e);
        } catch (ModelUnavailableException e) {
            fail(context, request, ProblemException.modelUnavailable("analyzer=" + mode.name().toLowerCase(Locale.ROOT)
                    + " needs the model, and it is unavailable: " + e.getMessage()));
        } catch (CancellationException e) {
            LOG.debugf("batch stopped: %s", e.getMessage());
        } catch (IOException e) {
            if (!out.clientGone()) {
                fail(context, request, ProblemException.badRequest("unreadable-upload",
                        "the upload could not be read: " + e.getMessage()));
            }
        } catch (RuntimeException e) {
            LOG.error("batch failed", e);
            fail(context, request, new ProblemException(500, "batch-failed", "Internal Server Error",
                    "the batch failed; see the server log"));
        }
    }

    /** Answers on the request's event loop, where Vert.x expects the response to be completed. */
    private void fail(Context context, HttpServerRequest request, ProblemException problem) {
        context.runOnContext(v -> RouteProblems.send(request, json, problem));
    }

    private static void headers(HttpServerResponse response, ExportFormat format, boolean sse) {
        response.setStatusCode(200);
        if (format != null) {
            response.putHeader("Content-Type", format.mediaType() + "; charset=utf-8");
            response.putHeader("Content-Disposition", "attachment; filename=\"" + format.fileName("opensoc-batch") + "\"");
        } else if (sse) {
            response.putHeader("Content-Type", "text/event-stream; charset=utf-8");
            response.putHeader("Cache-Control", "no-cache");
            response.putHeader("X-Accel-Buffering", "no");
        } else {
            response.putHeader("Content-Type", "application/x-ndjson; charset=utf-8");
        }
    }

    static boolean accepts(HttpServerRequest request, String mediaType) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(mediaType);
    }

    private static boolean isCsv(String fileName, String contentType) {
        return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".csv")
                || contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/csv");
    }

    private static AnalyzerMode parseMode(String value) {
        try {
            return AnalyzerMode.parse(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("bad-analyzer", e.getMessage());
        }
    }

    static ExportFormat parseFormat(String value) {
        try {
            return ExportFormat.parse(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("bad-format", e.getMessage());
        }
    }
}
