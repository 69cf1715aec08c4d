package org.opensoc.batch.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Writer;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BiFunction;

/** The export formats of a batch, with the media type and file extension each is served as. */
public enum ExportFormat {
    CSV("csv", "text/csv", (out, json) -> new CsvFindingWriter(out)),
    JSONL("jsonl", "application/x-ndjson", JsonLinesFindingWriter::new),
    ECS("ecs", "application/x-ndjson", (out, json) -> new EcsFindingWriter(out, json, Clock.systemUTC())),
    OCSF("ocsf", "application/x-ndjson", (out, json) -> new OcsfFindingWriter(out, json, Clock.systemUTC()));

    private final String wireName;
    private final String mediaType;
    private final BiFunction<Writer, ObjectMapper, FindingWriter> factory;

    ExportFormat(String wireName, String mediaType, BiFunction<Writer, ObjectMapper, FindingWriter> factory) {
        this.wireName = wireName;
        this.mediaType = mediaType;
        this.factory = factory;
    }

    public String wireName() {
        return wireName;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The download's file name: csv as .csv, the JSON formats as .jsonl (ECS and OCSF named for what they hold). */
    public String fileName(String stem) {
        return switch (this) {
            case CSV -> stem + ".csv";
            case JSONL -> stem + ".jsonl";
            case ECS -> stem + ".ecs.jsonl";
            case OCSF -> stem + ".ocsf.jsonl";
        };
    }

    public FindingWriter open(Writer out, ObjectMapper json) {
        return factory.apply(out, json);
    }

    /** Parses csv|jsonl|ecs|ocsf case-insensitively. */
    public static ExportFormat parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.wireName.equals(v)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "format must be one of csv, jsonl, ecs, ocsf; got '" + value + "'"));
    }
}
