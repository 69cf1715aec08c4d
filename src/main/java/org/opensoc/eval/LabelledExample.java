package org.opensoc.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One labelled log entry in the paper's format: the instruction, the raw entry and the gold answer in the
 * trained eight-line format. Other keys a dataset carries are ignored.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelledExample(String instruction, String input, String output) {
}
