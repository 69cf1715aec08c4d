package org.opensoc.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs ollama/entrypoint.sh against a stand-in {@code ollama} command that records what it is asked to
 * do, to check the sidecar's start-up: serve, create the model once, keep serving, stop on SIGTERM.
 */
class OllamaEntrypointTest {

    private static final Path ENTRYPOINT = Path.of("ollama/entrypoint.sh");
    /** Generous: only a hung script takes this long; nothing here measures speed. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Serves until SIGTERM; lists, shows and creates models in a state directory. */
    private static final String FAKE_OLLAMA = """
            #!/bin/sh
            state="$FAKE_OLLAMA_STATE"
            case "$1" in
              serve)
                trap 'echo terminated >"$state/terminated"; exit "${FAKE_OLLAMA_STOP_STATUS:-0}"' TERM
                : >"$state/serving"
                while :; do sleep 1; done ;;
              list)
                [ -f "$state/serving" ] || exit 1
                echo "NAME ID SIZE MODIFIED"
                [ -f "$state/models" ] && sed 's/$/:latest/' "$state/models"
                exit 0 ;;
              show)
                grep -qx "$2" "$state/models" 2>/dev/null ;;
              create)
                echo "$*" >>"$state/creates"
                [ -z "${FAKE_OLLAMA_CREATE_FAILS:-}" ] || exit 1
                echo "$2" >>"$state/models" ;;
              *)
                exit 2 ;;
            esac
            """;

    @TempDir
    Path dir;
    private Path state;
    private Path modelfile;
    private Path adapter;
    private int runs;

    @BeforeEach
    void layOutASidecar() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh here: the entrypoint is not run");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path ollama = Files.writeString(bin.resolve("ollama"), FAKE_OLLAMA);
        Files.setPosixFilePermissions(ollama, PosixFilePermissions.fromString("rwxr-xr-x"));
        state = Files.createDirectories(dir.resolve("state"));
        Files.createDirectories(dir.resolve("models"));
        Path context = Files.createDirectories(dir.resolve("opensoc"));
        modelfile = Files.copy(Path.of("Modelfile"), context.resolve("Modelfile"));
        adapter = Files.createDirectories(context.resolve("ollama/adapter")).resolve("opensoc-lora.gguf");
        Files.writeString(adapter, "adapter v1");
    }

    @Test
    void entrypointIsValidPosixShell() throws Exception {
        Process check = new ProcessBuilder("sh", "-n", ENTRYPOINT.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), output);
    }

    @Test
    void entrypointPassesShellcheckForPosixSh() throws Exception {
        assumeTrue(onPath("shellcheck"), "shellcheck is not installed here (apt-get install shellcheck): lint skipped");
        Process lint = new ProcessBuilder("shellcheck", "-s", "sh", ENTRYPOINT.toString()).redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(lint.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, lint.exitValue(), output);
    }

    @Test
    void createsTheModelOnTheFirstStartOnly() throws Exception {
        Process first = start(Map.of());
        awaitLog("model opensoc created");
        stop(first);
        assertEquals(List.of("create opensoc -f " + modelfile), creates());

        Process second = start(Map.of());
        awaitLog("model opensoc is up to date");
        stop(second);
        assertEquals(1, creates().size(), "a restart with the same Modelfile and adapter creates nothing");
    }

    @Test
    void recreatesTheModelWhenTheAdapterChanges() throws Exception {
        Process first = start(Map.of());
        awaitLog("model opensoc created");
        stop(first);

        Files.writeString(adapter, "adapter v2");
        Process second = start(Map.of());
        awaitLog("model opensoc created");
        stop(second);
        assertEquals(2, creates().size());
    }

    @Test
    void keepsServingWhenTheModelCannotBeCreated() throws Exception {
        Process entrypoint = start(Map.of("FAKE_OLLAMA_CREATE_FAILS", "1"));
        awaitLog("could not create opensoc");
        assertTrue(entrypoint.isAlive(), "Ollama keeps serving; the service falls back to its embedded analyzer");
        stop(entrypoint);
    }

    @Test
    void forwardsSigtermToOllamaAndExitsWithItsStatus() throws Exception {
        Process entrypoint = start(Map.of("FAKE_OLLAMA_STOP_STATUS", "3"));
        awaitLog("model opensoc created");
        stop(entrypoint, 3);
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }

    private Process start(Map<String, String> extraEnv) throws IOException {
        runs++;
        ProcessBuilder builder = new ProcessBuilder("sh", ENTRYPOINT.toAbsolutePath().toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log().toFile());
        Map<String, String> env = builder.environment();
        env.put("PATH", dir.resolve("bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", dir.toString());
        env.put("FAKE_OLLAMA_STATE", state.toString());
        env.put("OLLAMA_MODELS", dir.resolve("models").toString());
        env.put("OPENSOC_MODELFILE", modelfile.toString());
        env.putAll(extraEnv);
        Files.deleteIfExists(state.resolve("serving"));
        Files.deleteIfExists(state.resolve("terminated"));
        return builder.start();
    }

    private Path log() {
        return dir.resolve("entrypoint-" + runs + ".log");
    }

    private void awaitLog(String text) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log()) && Files.readString(log()).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the entrypoint never logged '" + text + "'; it logged:\n"
                + (Files.exists(log()) ? Files.readString(log()) : "(nothing)"));
    }

    private void stop(Process entrypoint) throws Exception {
        stop(entrypoint, 0);
    }

    /** Sends SIGTERM as the kubelet does and expects the entrypoint to exit with Ollama's status. */
    private void stop(Process entrypoint, int ollamaStatus) throws Exception {
        entrypoint.destroy();
        assertTrue(entrypoint.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the entrypoint stops on SIGTERM");
        assertEquals(ollamaStatus, entrypoint.exitValue(), Files.readString(log()));
        assertTrue(Files.exists(state.resolve("terminated")), "Ollama got the SIGTERM");
    }

    private List<String> creates() throws IOException {
        Path creates = state.resolve("creates");
        return Files.exists(creates) ? Files.readAllLines(creates) : List.of();
    }
}
