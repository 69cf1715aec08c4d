package org.opensoc.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON body of /api/v1/analyze: one entry, which may span several lines. */
@RegisterForReflection
@Schema(name = "AnalyzeRequest", description = "One log entry; it may span several lines")
public record AnalyzeRequest(
        @Schema(required = true, description = "The raw log entry",
                example = "91.108.4.20 - - [16/Mar/2025:01:05:33] \"GET /profile?id=1 OR 1=1-- HTTP/1.1\" 403 12466 \"-\" \"burpsuite\"")
        String log) {
}
