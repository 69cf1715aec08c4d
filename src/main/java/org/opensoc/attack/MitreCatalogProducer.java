package org.opensoc.attack;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.opensoc.OpenSocConfig;

/** Provides the catalog: the operator's STIX bundle when one is configured, else the bundled table. */
@ApplicationScoped
public class MitreCatalogProducer {

    @Produces
    @ApplicationScoped
    MitreCatalog catalog(OpenSocConfig config) {
        return config.attack().stixBundle().map(path -> {
            try {
                MitreCatalog catalog = MitreCatalog.fromStixBundle(path);
                Log.infof("ATT&CK catalog: %d techniques from %s", catalog.size(), path);
                return catalog;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the ATT&CK bundle " + path, e);
            }
        }).orElseGet(MitreCatalog::bundled);
    }
}
