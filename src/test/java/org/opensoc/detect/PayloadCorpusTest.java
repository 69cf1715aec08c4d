package org.opensoc.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opensoc.ThreatFamily;

/** Attack payloads and look-alike benign queries (detect/payloads.yaml), each sent as a query parameter. */
class PayloadCorpusTest {

    record Corpus(Map<String, List<String>> attacks, List<String> benign) {
    }

    private static final EmbeddedDetector DETECTOR = new EmbeddedDetector();

    @TestFactory
    Stream<DynamicTest> everyPayloadIsNamedForItsFamilyAndEveryLookAlikeStaysBenign() throws IOException {
        Corpus corpus;
        try (InputStream in = PayloadCorpusTest.class.getResourceAsStream("/detect/payloads.yaml")) {
            corpus = new ObjectMapper(new YAMLFactory()).readValue(in, Corpus.class);
        }
        List<DynamicTest> tests = new ArrayList<>();
        corpus.attacks().forEach((family, payloads) -> payloads.forEach(p -> tests.add(DynamicTest.dynamicTest(
                family + ": " + p, () -> assertEquals(family, familyOf(line(p, 403)), p)))));
        corpus.benign().forEach(b -> tests.add(DynamicTest.dynamicTest("benign: " + b,
                () -> assertEquals(ThreatFamily.NO_THREAT.label(), familyOf(line(b, 200)), b))));
        return tests.stream();
    }

    private static String line(String value, int status) {
        return "203.0.113.5 - - [01/Aug/2025:01:00:00 +0000] \"GET /page?x=" + URLEncoder.encode(value, StandardCharsets.UTF_8)
                + " HTTP/1.1\" " + status + " 10 \"-\" \"Mozilla/5.0\"";
    }

    private static String familyOf(String line) {
        return ThreatFamily.familyOf(DETECTOR.analyze(line).threatType());
    }
}
