package org.opensoc.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The image recipes, read as text (no container engine here to build them): pinned bases, an unprivileged
 * user, and a sidecar image laid out the way the Modelfile and the manifests expect.
 */
class ContainerImagesTest {

    private static final Path SIDECAR = Path.of("ollama/Dockerfile");
    private static final Pattern PINNED_BASE = Pattern.compile("[\\w./-]+:\\d+(\\.\\d+)+(-[\\w.]+)?|[\\w./-]+@sha256:[0-9a-f]{64}");

    @ParameterizedTest
    @ValueSource(strings = {"src/main/docker/Dockerfile.jvm", "src/main/docker/Dockerfile.native", "ollama/Dockerfile"})
    void baseImageIsPinnedAndTheUserIsNotRoot(String dockerfile) throws IOException {
        List<String[]> from = instructions(Path.of(dockerfile), "FROM");
        assertFalse(from.isEmpty());
        for (String[] instruction : from) {
            assertTrue(PINNED_BASE.matcher(instruction[1]).matches(), dockerfile + " pins its base: " + instruction[1]);
        }
        List<String[]> users = instructions(Path.of(dockerfile), "USER");
        assertFalse(users.isEmpty(), dockerfile + " names a user");
        String user = users.get(users.size() - 1)[1].split(":")[0];
        assertTrue(user.matches("[1-9]\\d*"), dockerfile + " runs as a numeric non-root uid, so runAsNonRoot can verify it: " + user);
    }

    @Test
    void sidecarImageCarriesTheModelfileAndItsAdapterAtTheRepositoryLayout() throws IOException {
        List<String[]> copies = instructions(SIDECAR, "COPY");
        assertTrue(copies.stream().anyMatch(c -> c[c.length - 2].equals("Modelfile") && c[c.length - 1].equals("/opensoc/Modelfile")));
        assertTrue(String.join("\n", Files.readAllLines(SIDECAR)).contains("OPENSOC_MODELFILE=/opensoc/Modelfile"));

        // ADAPTER is relative to the Modelfile; in the image the Modelfile sits at /opensoc, so its
        // directory must arrive at /opensoc/<same relative path>.
        String adapter = Files.readAllLines(Path.of("Modelfile")).stream()
                .filter(line -> line.startsWith("ADAPTER ")).map(line -> line.substring("ADAPTER ".length()).trim())
                .findFirst().orElseThrow();
        Path adapterDir = Path.of(adapter).normalize().getParent();
        assertTrue(Files.isDirectory(adapterDir), adapterDir + " exists in the repository, so the image build finds it");
        assertTrue(copies.stream().anyMatch(c -> Path.of(c[c.length - 2]).equals(adapterDir)
                        && Path.of(c[c.length - 1]).equals(Path.of("/opensoc").resolve(adapterDir))),
                "the image copies " + adapterDir + " to /opensoc/" + adapterDir);
    }

    @Test
    void sidecarStartsThroughTheEntrypointScript() throws IOException {
        String[] copy = instructions(SIDECAR, "COPY").stream()
                .filter(c -> c[c.length - 2].equals("ollama/entrypoint.sh")).findFirst().orElseThrow();
        String[] entrypoint = instructions(SIDECAR, "ENTRYPOINT").get(0);
        assertEquals("[\"" + copy[copy.length - 1] + "\"]", String.join(" ", Arrays.copyOfRange(entrypoint, 1, entrypoint.length)));
    }

    /** The instructions of one kind, split on blanks; the recipes here keep each instruction on one line. */
    private static List<String[]> instructions(Path dockerfile, String keyword) throws IOException {
        return Files.readAllLines(dockerfile).stream()
                .map(String::trim)
                .filter(line -> line.startsWith(keyword + " "))
                .map(line -> line.split("\\s+"))
                .toList();
    }
}
