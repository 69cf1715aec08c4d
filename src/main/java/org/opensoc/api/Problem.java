package org.opensoc.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, answered as {@code application/problem+json}. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "urn:opensoc:problem:entry-too-large") String type,
        @Schema(example = "Content Too Large") String title,
        @Schema(example = "413") int status,
        @Schema(example = "the entry is 70000 bytes; the limit is 65536") String detail,
        @Schema(example = "/api/v1/analyze") String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(String slug, String title, int status, String detail, String instance) {
        return new Problem("urn:opensoc:problem:" + slug, title, status, detail, instance);
    }
}
