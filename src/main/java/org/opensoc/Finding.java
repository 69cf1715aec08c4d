package org.opensoc;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One rule that matched, with the raw span of the entry it matched (offsets into the entry as received). */
@RegisterForReflection
@Schema(description = "A rule that matched and the raw text it matched")
public record Finding(
        @Schema(example = "sqli-tautology") String ruleId,
        @Schema(example = "SQL Injection") String family,
        @Schema(example = "T1190") String mitreId,
        @Schema(example = "OR 1=1--") String match,
        @Schema(description = "offset of the first character of match in the entry", example = "31") int start,
        @Schema(description = "offset just past the last character of match", example = "39") int end) {
}
