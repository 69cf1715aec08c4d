package org.opensoc.attack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The ATT&amp;CK techniques OpenSOC knows: by default the small table it ships (the techniques it can emit and
 * those a model commonly names), or every live technique of a STIX 2 bundle the operator points it at.
 */
public final class MitreCatalog {

    private static final String BUNDLED = "/attack/techniques.csv";

    private final Map<String, Technique> byId;

    private MitreCatalog(Map<String, Technique> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** The table shipped inside the application. */
    public static MitreCatalog bundled() {
        try (InputStream in = MitreCatalog.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUNDLED);
            }
            return fromCsv(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table with the columns id, name, tactics (tactics separated by ';'); '#' lines are comments. */
    public static MitreCatalog fromCsv(Reader csv) throws IOException {
        Map<String, Technique> map = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setCommentMarker('#').setIgnoreSurroundingSpaces(true).get();
        for (CSVRecord row : format.parse(csv)) {
            if (row.isMapped("deprecated_or_revoked") && Boolean.parseBoolean(row.get("deprecated_or_revoked"))) {
                continue;
            }
            String id = row.get("id");
            map.put(id, new Technique(id, row.get("name"), splitTactics(row.get("tactics"))));
        }
        return new MitreCatalog(map);
    }

    /** Every live attack-pattern of a STIX 2.x bundle (enterprise-attack.json), revoked and deprecated ones left out. */
    public static MitreCatalog fromStixBundle(Path bundle) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(bundle)) {
            root = new ObjectMapper().readTree(in);
        }
        Map<String, Technique> map = new LinkedHashMap<>();
        for (JsonNode object : root.path("objects")) {
            if (!"attack-pattern".equals(object.path("type").asText())
                    || object.path("revoked").asBoolean(false)
                    || object.path("x_mitre_deprecated").asBoolean(false)) {
                continue;
            }
            String id = null;
            for (JsonNode ref : object.path("external_references")) {
                if ("mitre-attack".equals(ref.path("source_name").asText())) {
                    id = ref.path("external_id").asText();
                }
            }
            if (id == null) {
                continue;
            }
            List<String> tactics = new ArrayList<>();
            for (JsonNode phase : object.path("kill_chain_phases")) {
                if ("mitre-attack".equals(phase.path("kill_chain_name").asText())) {
                    tactics.add(phase.path("phase_name").asText());
                }
            }
            map.put(id, new Technique(id, object.path("name").asText(), tactics));
        }
        if (map.isEmpty()) {
            throw new IOException("no ATT&CK attack-pattern objects in " + bundle);
        }
        return new MitreCatalog(map);
    }

    private static List<String> splitTactics(String tactics) {
        return tactics == null || tactics.isBlank() ? List.of()
                : Arrays.stream(tactics.split(";")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    public Optional<Technique> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return id != null && byId.containsKey(id);
    }

    public int size() {
        return byId.size();
    }

    public java.util.Collection<Technique> techniques() {
        return byId.values();
    }
}
