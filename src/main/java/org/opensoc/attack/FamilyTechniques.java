package org.opensoc.attack;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.opensoc.ThreatFamily;

/** Which techniques fit which threat family (resource {@code attack/family-techniques.csv}). */
public final class FamilyTechniques {

    private static final String RESOURCE = "/attack/family-techniques.csv";

    private final Map<ThreatFamily, List<String>> prefixes;

    private FamilyTechniques(Map<ThreatFamily, List<String>> prefixes) {
        this.prefixes = prefixes;
    }

    public static FamilyTechniques bundled() {
        Map<ThreatFamily, List<String>> map = new HashMap<>();
        try (InputStream in = FamilyTechniques.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get();
            for (CSVRecord row : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                ThreatFamily family = ThreatFamily.ofLabel(row.get("family"))
                        .orElseThrow(() -> new IllegalStateException("unknown family in " + RESOURCE + ": " + row.get("family")));
                map.put(family, Arrays.stream(row.get("techniques").split(";")).map(String::trim).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FamilyTechniques(map);
    }

    /** Whether the technique (T1110.001, or N/A for benign) fits the family. */
    public boolean fits(ThreatFamily family, String mitreId) {
        if (mitreId == null) {
            return false;
        }
        String technique = MitreId.techniqueLevel(mitreId);
        return prefixes.getOrDefault(family, List.of()).contains(technique);
    }

    /** The families listed, for the test that every family has a row. */
    public java.util.Set<ThreatFamily> families() {
        return prefixes.keySet();
    }
}
