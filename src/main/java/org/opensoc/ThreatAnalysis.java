package org.opensoc;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The triage of one log entry: the six fields clients rely on first, then the context and the trail.
 * {@code findings} and {@code warnings} may be empty, never null.
 */
@RegisterForReflection
@Schema(name = "ThreatAnalysis", description = "Triage of one log entry")
public record ThreatAnalysis(
        @Schema(description = "Exact taxonomy label: family, then ' — ' and a subtype when there is one",
                example = "SQL Injection — Union/Boolean SQLi") String threatType,
        @Schema(description = "MITRE ATT&CK technique id, or N/A for benign traffic", example = "T1190") String mitreId,
        @Schema(example = "CRITICAL") Severity severity,
        @Schema(description = "0-100, inside the band of the severity", minimum = "0", maximum = "100", example = "92") int riskScore,
        @Schema(description = "What in the log supports the verdict, quoting it",
                example = "'OR 1=1--' in the id parameter; scanner user agent 'burpsuite'") String evidence,
        @Schema(description = "Numbered actions", example = "1) Block 91.108.4.20 at the WAF 2) Use parameterized queries") String recommendation,
        @Schema(example = "SQL Injection") String family,
        @Schema(example = "Exploit Public-Facing Application") String mitreName,
        @Schema(example = "initial-access") String mitreTactic,
        @Schema(example = "rules") AnalyzerKind analyzer,
        List<Finding> findings,
        @Schema(description = "e.g. the model was unavailable, or disagreed with the detector") List<String> warnings) {

    public ThreatAnalysis {
        findings = findings == null ? List.of() : List.copyOf(findings);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The same verdict with more warnings appended. */
    public ThreatAnalysis withWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new ThreatAnalysis(threatType, mitreId, severity, riskScore, evidence, recommendation, family,
                mitreName, mitreTactic, analyzer, findings, all);
    }

    /** The same verdict credited to another analyzer. */
    public ThreatAnalysis withAnalyzer(AnalyzerKind kind) {
        return new ThreatAnalysis(threatType, mitreId, severity, riskScore, evidence, recommendation, family,
                mitreName, mitreTactic, kind, findings, warnings);
    }
}
