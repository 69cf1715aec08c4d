package org.opensoc;

import java.util.Arrays;
import java.util.Optional;

/**
 * The threat families of the taxonomy, labelled exactly as the paper's data labels them, with the
 * ATT&amp;CK technique each maps to by default. The one source of truth for family labels.
 */
public enum ThreatFamily {
    SQL_INJECTION("SQL Injection", "T1190"),
    XSS("Cross-Site Scripting (XSS) Attempt", "T1059.007"),
    PATH_TRAVERSAL("Path Traversal / Directory Traversal Attack", "T1083"),
    LOCAL_FILE_INCLUSION("Local File Inclusion (LFI) Attack", "T1083"),
    OS_COMMAND_INJECTION("OS Command Injection Attempt", "T1059.004"),
    BRUTE_FORCE("Brute Force Attack", "T1110.001"),
    CREDENTIAL_STUFFING("Credential Stuffing Attack", "T1110.004"),
    SSH_BRUTE_FORCE("SSH Brute Force Attack", "T1110.001"),
    RECONNAISSANCE("Automated Reconnaissance / Vulnerability Scanning", "T1595.002"),
    DENIAL_OF_SERVICE("Denial of Service / DDoS Attack", "T1498"),
    DATA_EXFILTRATION("Potential Data Exfiltration", "T1041"),
    /** Windows Security events: the label is "Windows Threat: {event name}", the technique per event. */
    WINDOWS("Windows Threat", "T1110"),
    NO_THREAT("No Threat Detected", "N/A");

    /** Separates family and subtype in a threat type: "SQL Injection — Time-based Blind SQLi". */
    public static final String SUBTYPE_SEPARATOR = " — ";

    /** The technique id the data gives benign traffic. */
    public static final String NO_TECHNIQUE = "N/A";

    private final String label;
    private final String defaultMitreId;

    ThreatFamily(String label, String defaultMitreId) {
        this.label = label;
        this.defaultMitreId = defaultMitreId;
    }

    public String label() {
        return label;
    }

    public String defaultMitreId() {
        return defaultMitreId;
    }

    /** The family part of a threat type: everything before " — " ("Windows Threat: X" keeps its event name). */
    public static String familyOf(String threatType) {
        if (threatType == null) {
            return null;
        }
        int cut = threatType.indexOf(SUBTYPE_SEPARATOR);
        return (cut < 0 ? threatType : threatType.substring(0, cut)).trim();
    }

    /** The family a threat type or family label belongs to, matched on its exact label. */
    public static Optional<ThreatFamily> ofLabel(String threatTypeOrFamily) {
        String family = familyOf(threatTypeOrFamily);
        if (family == null) {
            return Optional.empty();
        }
        if (family.startsWith(WINDOWS.label)) {
            return Optional.of(WINDOWS);
        }
        return Arrays.stream(values()).filter(f -> f.label.equalsIgnoreCase(family)).findFirst();
    }

    /** The threat type: the label, then the subtype when there is one. */
    public String threatType(String subtype) {
        return subtype == null || subtype.isBlank() ? label : label + SUBTYPE_SEPARATOR + subtype;
    }
}
