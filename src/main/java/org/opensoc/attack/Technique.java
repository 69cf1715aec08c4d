package org.opensoc.attack;

import java.util.List;

/** One ATT&amp;CK technique or sub-technique: its id, its own name and its tactics (kill-chain phase names). */
public record Technique(String id, String name, List<String> tactics) {

    public Technique {
        tactics = List.copyOf(tactics);
    }

    /** The first tactic, the one a verdict shows; empty when the technique names none. */
    public String primaryTactic() {
        return tactics.isEmpty() ? "" : tactics.get(0);
    }
}
