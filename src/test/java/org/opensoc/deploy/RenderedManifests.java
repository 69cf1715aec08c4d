package org.opensoc.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The documents {@code kubectl kustomize} renders from one kustomization, parsed into fabric8's typed model. */
final class RenderedManifests {

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<HasMetadata> resources;

    private RenderedManifests(List<HasMetadata> resources) {
        this.resources = List.copyOf(resources);
    }

    /** Whether {@code kubectl} can be run here at all. */
    static boolean kubectlAvailable() {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Renders {@code kustomization} offline and parses every document; kinds fabric8 lacks stay generic. */
    static RenderedManifests render(Path kustomization) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("kubectl", "kustomize", kustomization.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + kustomization + " failed");
        }
        List<HasMetadata> resources = new ArrayList<>();
        for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
            if (!document.isNull() && !document.isEmpty()) {
                KubernetesResource parsed = SERIALIZATION.convertValue(document, KubernetesResource.class);
                resources.add((HasMetadata) parsed);
            }
        }
        return new RenderedManifests(resources);
    }

    List<HasMetadata> all() {
        return resources;
    }

    /** The only rendered resource of this type; fails when there is none or several. */
    <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = all(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + ", rendered " + found.size());
        }
        return found.get(0);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The only rendered resource of a kind fabric8's model does not have, such as a Knative Service. */
    GenericKubernetesResource generic(String apiVersion, String kind) {
        List<GenericKubernetesResource> found = all(GenericKubernetesResource.class).stream()
                .filter(r -> apiVersion.equals(r.getApiVersion()) && kind.equals(r.getKind()))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + apiVersion + " " + kind + ", rendered " + found.size());
        }
        return found.get(0);
    }
}
