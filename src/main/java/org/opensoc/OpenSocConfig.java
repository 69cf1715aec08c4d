package org.opensoc;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** OpenSOC's own settings, under the {@code opensoc.} prefix of application.properties. */
@ConfigMapping(prefix = "opensoc")
public interface OpenSocConfig {

    /** Largest single entry /api/v1/analyze accepts, in bytes of UTF-8; larger ones answer 413. */
    @WithDefault("65536")
    int maxEntryBytes();

    /** ATT&amp;CK settings. */
    Attack attack();

    /** The model path. */
    Model model();

    interface Attack {
        /** A STIX 2 bundle (enterprise-attack.json) to validate technique ids against instead of the bundled table. */
        Optional<Path> stixBundle();
    }

    interface Model {
        /** Whether auto mode may ask the model at all; off, auto means the embedded detector alone. */
        @WithDefault("true")
        boolean enabled();

        /** How long a readiness probe waits for Ollama's model list. */
        @WithDefault("2s")
        Duration probeTimeout();

        /** How long a probe's answer is reused, so auto mode does not ask Ollama on every entry. */
        @WithDefault("5s")
        Duration readinessCache();
    }
}
