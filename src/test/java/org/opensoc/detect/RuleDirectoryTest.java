package org.opensoc.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensoc.ThreatFamily;
import org.opensoc.attack.MitreCatalog;

/** The rule directory as a whole: ids, ATT&CK ids, examples, files, playbooks. */
class RuleDirectoryTest {

    private static final Path ATTACK = Path.of("../shared/attack/enterprise-techniques.csv");
    private static final Path RULES_DIR = Path.of("src/main/resources/rules");

    private static RuleBook book;
    private static Map<String, Boolean> liveById;

    @BeforeAll
    static void load() throws IOException {
        book = RuleBook.load();
        liveById = new HashMap<>();
        try (Reader in = Files.newBufferedReader(ATTACK, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                liveById.put(r.get("id"), !Boolean.parseBoolean(r.get("deprecated_or_revoked")));
            }
        }
    }

    @Test
    void ruleIdsAreUniqueAndStable() {
        Set<String> seen = new HashSet<>();
        for (Rule r : book.rules()) {
            assertTrue(r.id().matches("[a-z0-9]+(?:-[a-z0-9]+)+"), "id style: " + r.id());
            assertTrue(seen.add(r.id()), "duplicate id " + r.id());
        }
    }

    @Test
    void everyMitreIdIsALiveTechniqueInAttackAndInTheBundledCatalog() {
        MitreCatalog bundled = MitreCatalog.bundled();
        for (Rule r : book.rules()) {
            String id = r.mitreId();
            assertEquals(Boolean.TRUE, liveById.get(id), r.id() + ": " + id + " is not a live ATT&CK technique");
            assertTrue(bundled.contains(id), r.id() + ": " + id + " missing from attack/techniques.csv");
        }
    }

    @Test
    void everyRuleHasPositiveAndNegativeExamplesAndTheFieldsItsKindNeeds() {
        for (Rule r : book.rules()) {
            RuleSpec s = r.spec();
            assertFalse(s.examples().positive().isEmpty(), r.id() + " has no positive example");
            assertFalse(s.examples().negative().isEmpty(), r.id() + " has no negative example");
            assertNotNull(s.severity(), r.id() + " severity");
            assertNotNull(s.description(), r.id() + " description");
            assertTrue(Set.of("request", "agent", "referer", "message", "line").containsAll(s.in()), r.id() + " in: " + s.in());
            switch (s.kind()) {
                case PATTERN -> assertTrue(r.hasPatterns(), r.id() + " pattern rule without patterns");
                case EVENT -> assertFalse(s.events().isEmpty(), r.id() + " event rule without events");
                case AGGREGATE -> {
                    assertNotNull(s.counter(), r.id() + " aggregate rule without counter");
                    assertNotNull(s.min(), r.id() + " aggregate rule without threshold");
                }
            }
            if (s.family() == ThreatFamily.WINDOWS) {
                assertNotNull(s.name(), r.id() + " Windows rule without event name");
            }
            int score = r.score(false);
            assertEquals(s.severity(), org.opensoc.Severity.ofScore(score), r.id() + " score outside its band");
        }
    }

    @Test
    void everyFamilyFileIsListedInTheIndexAndHoldsOnlyItsFamily() throws IOException {
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(RULES_DIR)) {
            onDisk = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("index.yaml")).collect(Collectors.toSet());
        }
        assertEquals(onDisk, Set.copyOf(book.files()));
        Set<ThreatFamily> families = book.rules().stream().map(Rule::family).collect(Collectors.toSet());
        for (ThreatFamily f : ThreatFamily.values()) {
            if (f != ThreatFamily.NO_THREAT) {
                assertTrue(families.contains(f), "no rule for " + f);
            }
        }
    }

    @Test
    void everyThreatTheRulesNameHasAPlaybookOfItsOwnOrOfItsFamily() {
        Playbooks playbooks = Playbooks.load();
        List<String> defaultSteps = playbooks.steps("unknown threat");
        for (Rule r : book.rules()) {
            assertTrue(playbooks.steps(r.threatType()) != defaultSteps, r.threatType() + " falls to the default playbook");
        }
        assertTrue(playbooks.render("SQL Injection — UNION-based SQLi", Map.of("source", "1.2.3.4")).startsWith("1) "));
    }
}
