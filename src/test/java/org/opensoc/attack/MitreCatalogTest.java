package org.opensoc.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensoc.ThreatFamily;

/** The bundled catalog holds only live ATT&amp;CK v18.1 techniques, with their real names and tactics. */
class MitreCatalogTest {

    private static final Path ENTERPRISE = Path.of("../shared/attack/enterprise-techniques.csv");

    @Test
    void everyBundledTechniqueIsLiveInAttackWithItsOwnNameAndTactics() throws IOException {
        Map<String, Technique> live;
        try (Reader in = Files.newBufferedReader(ENTERPRISE)) {
            live = MitreCatalog.fromCsv(in).techniques().stream().collect(Collectors.toMap(Technique::id, Function.identity()));
        }
        assertEquals(691, live.size(), "v18.1 has 691 live techniques; deprecated and revoked ones are left out");
        MitreCatalog bundled = MitreCatalog.bundled();
        assertTrue(bundled.size() > 50);
        for (Technique t : bundled.techniques()) {
            Technique real = live.get(t.id());
            assertTrue(real != null, t.id() + " is not a live ATT&CK v18.1 technique");
            assertEquals(real.name(), t.name(), t.id());
            assertEquals(real.tactics(), t.tactics(), t.id());
        }
    }

    @Test
    void everyFamilyDefaultIsInTheCatalogAndFitsItsFamily() {
        MitreCatalog catalog = MitreCatalog.bundled();
        FamilyTechniques fits = FamilyTechniques.bundled();
        for (ThreatFamily family : ThreatFamily.values()) {
            assertTrue(fits.families().contains(family), family + " has no row in family-techniques.csv");
            assertTrue(fits.fits(family, family.defaultMitreId()), family.toString());
            if (family != ThreatFamily.NO_THREAT) {
                assertTrue(catalog.contains(family.defaultMitreId()), family.defaultMitreId());
            }
        }
        assertFalse(fits.fits(ThreatFamily.SQL_INJECTION, "T1110.001"));
    }

    @Test
    void loadsLiveAttackPatternsFromAStixBundle(@TempDir Path dir) throws IOException {
        Path bundle = dir.resolve("enterprise-attack.json");
        Files.writeString(bundle, """
                {"type": "bundle", "objects": [
                  {"type": "attack-pattern", "name": "Exploit Public-Facing Application",
                   "external_references": [{"source_name": "mitre-attack", "external_id": "T1190"}],
                   "kill_chain_phases": [{"kill_chain_name": "mitre-attack", "phase_name": "initial-access"}]},
                  {"type": "attack-pattern", "name": "Old", "revoked": true,
                   "external_references": [{"source_name": "mitre-attack", "external_id": "T1000"}]},
                  {"type": "x-mitre-tactic", "name": "Initial Access"}
                ]}""");
        MitreCatalog catalog = MitreCatalog.fromStixBundle(bundle);
        assertEquals(1, catalog.size());
        assertEquals("initial-access", catalog.find("T1190").orElseThrow().primaryTactic());
        assertFalse(catalog.contains("T1000"));
    }
}
