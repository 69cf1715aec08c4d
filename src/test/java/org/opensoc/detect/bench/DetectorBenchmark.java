package org.opensoc.detect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.opensoc.detect.AdversarialEntries;
import org.opensoc.detect.EmbeddedDetector;
import org.opensoc.detect.WorkMeter;

/**
 * Throughput and latency of the embedded detector over a mixed corpus of at least 100,000 entries: the
 * training set's inputs, the hand-written real-world cases, and generated benign and attack lines with varying
 * addresses and paths. Prints entries/s on one thread and on all cores, p50/p99 microseconds, and the worst
 * adversarial 64 KiB entry. Run (after {@code ./mvnw -o test-compile}):
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) org.opensoc.detect.bench.DetectorBenchmark [entries]</pre>
 *
 * or {@code ./mvnw -q -o test-compile exec:java -Dexec.mainClass=org.opensoc.detect.bench.DetectorBenchmark
 * -Dexec.classpathScope=test}.
 */
public final class DetectorBenchmark {

    private DetectorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<String> corpus = corpus(size);
        EmbeddedDetector detector = new EmbeddedDetector();
        System.out.printf(Locale.ROOT, "corpus: %d entries, %.1f MB, %d cores%n", corpus.size(),
                corpus.stream().mapToLong(String::length).sum() / 1e6, Runtime.getRuntime().availableProcessors());

        for (int i = 0; i < 2; i++) {
            for (String e : corpus) {
                detector.analyze(e);
            }
        }

        long[] micros = new long[corpus.size()];
        long start = System.nanoTime();
        for (int i = 0; i < corpus.size(); i++) {
            long t = System.nanoTime();
            detector.analyze(corpus.get(i));
            micros[i] = (System.nanoTime() - t) / 1_000;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(micros);
        System.out.printf(Locale.ROOT, "1 thread : %,.0f entries/s, p50 %d us, p99 %d us, max %d us%n",
                corpus.size() / seconds, micros[micros.length / 2], micros[(int) (micros.length * 0.99)],
                micros[micros.length - 1]);

        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int from = t;
            futures.add(pool.submit(() -> {
                for (int i = from; i < corpus.size(); i += threads) {
                    detector.analyze(corpus.get(i));
                    done.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "%d threads: %,.0f entries/s%n", threads, done.get() / seconds);

        String worstName = null;
        long worstMicros = 0;
        long worstChars = 0;
        for (Map.Entry<String, String> e : AdversarialEntries.all().entrySet()) {
            WorkMeter meter = new WorkMeter();
            long t = System.nanoTime();
            detector.analyze(e.getValue(), meter);
            long us = (System.nanoTime() - t) / 1_000;
            if (us > worstMicros) {
                worstMicros = us;
                worstName = e.getKey();
                worstChars = meter.scannedChars();
            }
        }
        System.out.printf(Locale.ROOT, "worst adversarial 64 KiB entry: '%s' %d us (%d characters scanned)%n",
                worstName, worstMicros, worstChars);
    }

    /** The mixed corpus: real inputs first, then generated traffic (70% benign) until {@code size}. */
    static List<String> corpus(int size) throws IOException {
        List<String> seeds = new ArrayList<>();
        Path data = Path.of("../shared/data/opensoc/soc_train.json");
        if (Files.exists(data)) {
            for (JsonNode e : new ObjectMapper().readTree(data.toFile())) {
                seeds.add(e.get("input").asText());
            }
        }
        try (InputStream in = DetectorBenchmark.class.getResourceAsStream("/detect/cases.yaml")) {
            for (JsonNode c : new ObjectMapper(new YAMLFactory()).readTree(in).get("cases")) {
                seeds.add(c.get("log").asText());
            }
        }
        String[] benign = {"/", "/index.html", "/static/app.js?v=3", "/api/products?page=%d", "/blog/post-%d",
            "/search?q=best+union+jobs+%d", "/healthz", "/img/p%d.png"};
        String[] attacks = {"/item?id=%d%%20UNION%%20SELECT%%20null,version()--", "/s?q=<script>alert(%d)</script>",
            "/f?path=../../../etc/passwd&n=%d", "/p?cmd=;cat%%20/etc/passwd;%d", "/.env?%d"};
        Random random = new Random(42);
        List<String> corpus = new ArrayList<>(seeds);
        while (corpus.size() < size) {
            boolean attack = random.nextInt(10) < 3;
            String[] paths = attack ? attacks : benign;
            String path = String.format(Locale.ROOT, paths[random.nextInt(paths.length)], random.nextInt(10_000));
            corpus.add(String.format(Locale.ROOT,
                    "%d.%d.%d.%d - - [05/Jul/2025:09:%02d:%02d +0000] \"GET %s HTTP/1.1\" %d %d \"-\" \"Mozilla/5.0 (X11; Linux x86_64)\"",
                    random.nextInt(223) + 1, random.nextInt(256), random.nextInt(256), random.nextInt(256),
                    random.nextInt(60), random.nextInt(60), path, attack ? 403 : 200, random.nextInt(50_000)));
            if (corpus.size() % 10 == 0 && !seeds.isEmpty()) {
                corpus.add(seeds.get(random.nextInt(seeds.size())));
            }
        }
        return corpus.subList(0, size);
    }
}
