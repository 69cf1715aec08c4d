package org.opensoc.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MitreIdTest {

    @Test
    void findsNothingInTextWithoutAnId() {
        assertTrue(MitreId.find("no technique here, just port 12345 and year 2025").isEmpty());
        assertTrue(MitreId.find(null).isEmpty());
    }

    @Test
    void cutsSubTechniquesToTheirTechnique() {
        assertEquals("T1110", MitreId.techniqueLevel("T1110.001"));
        assertEquals("T1190", MitreId.techniqueLevel("T1190"));
    }
}
