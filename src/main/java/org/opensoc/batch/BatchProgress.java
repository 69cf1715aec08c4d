package org.opensoc.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** How far a batch has got; {@code totalBytes} is null when the size of the upload is not known. */
@RegisterForReflection
@JsonPropertyOrder({"type", "linesRead", "entriesDone", "bytesRead", "totalBytes"})
public record BatchProgress(String type, long linesRead, long entriesDone, long bytesRead,
        @JsonInclude(JsonInclude.Include.ALWAYS) Long totalBytes) {

    public BatchProgress(long linesRead, long entriesDone, long bytesRead, Long totalBytes) {
        this("progress", linesRead, entriesDone, bytesRead, totalBytes);
    }
}
