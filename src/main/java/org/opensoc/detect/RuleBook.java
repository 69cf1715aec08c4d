package org.opensoc.detect;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.opensoc.ThreatFamily;

/**
 * The rules, loaded from {@code rules/index.yaml} (the family files in precedence order) and one YAML file per
 * family. Immutable once loaded, so one instance serves every thread.
 */
public final class RuleBook {

    static final String INDEX = "/rules/index.yaml";

    /** Lower-case enum values ("aggregate", "CRITICAL" either way); unknown keys are typos, so they fail. */
    static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The list of family files, in the order that breaks ties between findings of equal severity. */
    @RegisterForReflection
    record Index(List<String> files) {
    }

    /** One family file: its family and its rules. */
    @RegisterForReflection
    record RuleFile(ThreatFamily family, List<RuleSpec> rules) {
    }

    private final List<String> files;
    private final List<Rule> rules;

    private RuleBook(List<String> files, List<Rule> rules) {
        this.files = List.copyOf(files);
        this.rules = List.copyOf(rules);
    }

    /** The rules shipped on the classpath. */
    public static RuleBook load() {
        Index index = read(INDEX, Index.class);
        List<Rule> rules = new ArrayList<>();
        for (String file : index.files()) {
            RuleFile rf = read("/rules/" + file, RuleFile.class);
            for (RuleSpec spec : rf.rules()) {
                rules.add(new Rule(spec.withFamily(rf.family()), rules.size()));
            }
        }
        return new RuleBook(index.files(), rules);
    }

    private static <T> T read(String resource, Class<T> type) {
        try (InputStream in = RuleBook.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<String> files() {
        return files;
    }
}
