package org.opensoc.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.opensoc.AnalyzerMode;
import org.opensoc.OpenSocConfig;
import org.opensoc.ThreatAnalysis;
import org.opensoc.pipeline.AnalysisPipeline;

/** Triage of a single log entry. The body is read as bytes so that size and encoding get their own answers. */
@Path("/api/v1/analyze")
@Tag(name = "analyze", description = "Triage of one log entry")
public class AnalyzeResource {

    private static final String CASE_STUDY =
            "91.108.4.20 - - [16/Mar/2025:01:05:33] \"GET /profile?id=1 OR 1=1-- HTTP/1.1\" 403 12466 \"-\" \"burpsuite\"";

    @Inject
    AnalysisPipeline pipeline;

    @Inject
    OpenSocConfig config;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Analyze one log entry given as JSON {\"log\": ...}")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AnalyzeRequest.class),
            examples = @ExampleObject(name = "case study", value = "{\"log\": \"91.108.4.20 - - [16/Mar/2025:01:05:33] \\\"GET /profile?id=1 OR 1=1-- HTTP/1.1\\\" 403 12466 \\\"-\\\" \\\"burpsuite\\\"\"}")))
    @APIResponse(responseCode = "200", description = "The triage",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ThreatAnalysis.class)))
    @APIResponse(responseCode = "400", description = "Empty, blank, non-JSON or undecodable entry, or an unknown analyzer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The entry is larger than the per-entry limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Neither application/json nor text/plain",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "analyzer=llm and the model is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ThreatAnalysis> analyzeJson(byte[] body, @QueryParam("analyzer") @Parameter(description = "auto (default), rules, llm or hybrid",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"auto", "rules", "llm", "hybrid"})) String analyzer) {
        AnalyzerMode mode = mode(analyzer);
        AnalyzeRequest request = readJson(body);
        return analyze(request.log(), mode);
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Analyze one log entry given as the plain-text body")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.TEXT_PLAIN,
            schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "case study", value = CASE_STUDY)))
    @APIResponse(responseCode = "200", description = "The triage",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ThreatAnalysis.class)))
    public Uni<ThreatAnalysis> analyzeText(byte[] body, @QueryParam("analyzer") String analyzer) {
        AnalyzerMode mode = mode(analyzer);
        checkSize(body.length);
        return analyze(decode(body), mode);
    }

    private Uni<ThreatAnalysis> analyze(String entry, AnalyzerMode mode) {
        if (entry == null || entry.isBlank()) {
            throw ProblemException.badRequest("empty-entry", "the log entry is empty; send one entry in \"log\" or as the text body");
        }
        checkSize(entry.getBytes(StandardCharsets.UTF_8).length);
        return pipeline.analyze(entry, mode);
    }

    private AnalyzeRequest readJson(byte[] body) {
        if (body.length == 0) {
            throw ProblemException.badRequest("empty-entry", "the body is empty; send {\"log\": \"...\"}");
        }
        decode(body);
        try {
            AnalyzeRequest request = json.readValue(body, AnalyzeRequest.class);
            if (request == null) {
                throw ProblemException.badRequest("empty-entry", "the body is JSON null; send {\"log\": \"...\"}");
            }
            return request;
        } catch (IOException e) {
            throw ProblemException.badRequest("unreadable-body", "the body is not a JSON object {\"log\": \"...\"}: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private void checkSize(int bytes) {
        if (bytes > config.maxEntryBytes()) {
            throw ProblemException.tooLarge("the entry is " + bytes + " bytes; the limit is " + config.maxEntryBytes()
                    + " (use /api/v1/analyze/batch for files)");
        }
    }

    private static String decode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("undecodable-entry", "the body is not valid UTF-8");
        }
    }

    private static AnalyzerMode mode(String analyzer) {
        try {
            return AnalyzerMode.parse(analyzer);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("unknown-analyzer", e.getMessage());
        }
    }
}
