package org.opensoc.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the batch and export routes in {@code /q/openapi}: they are Vert.x routes (they stream their bodies),
 * which the annotation scanner does not see.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class BatchOpenApiFilter implements OASFilter {

    private static final String TAG = "batch";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            openAPI.setPaths(OASFactory.createPaths());
        }
        openAPI.getPaths().addPathItem(BatchResource.PATH, OASFactory.createPathItem().POST(batch()));
        openAPI.getPaths().addPathItem(ExportResource.PATH, OASFactory.createPathItem().POST(export()));
    }

    private static Operation batch() {
        Schema upload = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("file", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("binary"));
        Schema raw = OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("binary");
        return OASFactory.createOperation().operationId("analyzeBatch").addTag(TAG)
                .summary("Analyze a log file of any size, streamed")
                .description("Every input line belongs to exactly one entry; single-line attacks are one entry each, "
                        + "aggregate activity (failed logins, probes, floods, 4625 bursts) is grouped by source and log "
                        + "type within a time window. Answers NDJSON entry objects then a summary (default), Server-Sent "
                        + "Events entry/progress/summary for Accept: text/event-stream, or an export download with format.")
                .addParameter(query("analyzer", "auto, rules (default behaviour of auto when the model is not ready), llm or hybrid"))
                .addParameter(query("format", "csv, jsonl, ecs or ocsf: answer that export as a download instead of the stream"))
                .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                        .addMediaType("multipart/form-data", OASFactory.createMediaType().schema(upload))
                        .addMediaType("text/plain", OASFactory.createMediaType().schema(raw))
                        .addMediaType("text/csv", OASFactory.createMediaType().schema(raw))
                        .addMediaType("application/octet-stream", OASFactory.createMediaType().schema(raw))))
                .responses(problems(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                        .description("entry objects as they are produced, then the summary")
                        .content(streams("application/x-ndjson", "text/event-stream", "text/csv"))), "400", "415", "503"));
    }

    private static Operation export() {
        return OASFactory.createOperation().operationId("exportEntries").addTag(TAG)
                .summary("Export streamed batch entries without analyzing them again")
                .addParameter(query("format", "csv, jsonl, ecs (Elastic Common Schema) or ocsf (Detection Finding 2004)").required(true))
                .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                        .addMediaType("application/x-ndjson", OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)))))
                .responses(problems(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()
                        .description("the export file, as an attachment").content(streams("text/csv", "application/x-ndjson"))),
                        "400", "415"));
    }

    private static Parameter query(String name, String description) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static Content streams(String... mediaTypes) {
        Content content = OASFactory.createContent();
        for (String type : mediaTypes) {
            content.addMediaType(type, OASFactory.createMediaType()
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        return content;
    }

    private static APIResponses problems(APIResponses responses, String... statuses) {
        Content problem = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
        for (String status : statuses) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description("RFC 9457 problem").content(problem));
        }
        return responses;
    }
}
