package org.opensoc.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared body over {@code quarkus.http.limits.max-body-size} with a 413 problem, just before Quarkus's
 * own check would refuse it with an empty 413. The streaming routes (batch, export) take any size and are let by.
 */
@ApplicationScoped
public class BodyLimitGuard {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    @Inject
    ObjectMapper json;

    void register(@Observes Router router) {
        router.route().order(BatchResource.ROUTE_ORDER).handler(ctx -> {
            Long length = RouteProblems.contentLength(ctx.request());
            String path = ctx.request().path();
            if (length != null && length > limit.asLongValue()
                    && !path.equals(BatchResource.PATH) && !path.equals(ExportResource.PATH)) {
                RouteProblems.send(ctx.request(), json, ProblemException.tooLarge("the body is " + length
                        + " bytes; the limit is " + limit.asLongValue() + " (use /api/v1/analyze/batch for files)"));
                return;
            }
            ctx.next();
        });
    }
}
