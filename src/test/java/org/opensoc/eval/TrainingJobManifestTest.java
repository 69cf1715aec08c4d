package org.opensoc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** ollama/train/job.yaml parses into typed Kubernetes objects with no unknown field, and runs the training steps. */
class TrainingJobManifestTest {

    private static final Path MANIFEST = Path.of("ollama/train/job.yaml");
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    private List<KubernetesResource> documents() throws IOException {
        List<KubernetesResource> resources = new ArrayList<>();
        for (String document : Files.readString(MANIFEST).split("(?m)^---$")) {
            resources.add(serialization.unmarshal(document));
        }
        return resources;
    }

    private Job job() throws IOException {
        return documents().stream().filter(Job.class::isInstance).map(Job.class::cast).findFirst().orElseThrow();
    }

    @Test
    void everyFieldOfTheManifestIsOneKubernetesKnows() throws IOException {
        List<KubernetesResource> resources = documents();
        assertEquals(List.of(PersistentVolumeClaim.class, Job.class), resources.stream().map(Object::getClass).toList());
        for (KubernetesResource resource : resources) {
            List<String> unknown = new ArrayList<>();
            collectUnknownFields(resource, resource.getClass().getSimpleName(), unknown);
            assertEquals(List.of(), unknown);
        }
    }

    @Test
    void exportTrainAndConvertRunInOrderWithTheGpuOnlyForTraining() throws IOException {
        PodSpec pod = job().getSpec().getTemplate().getSpec();
        assertEquals(List.of("export", "train"), pod.getInitContainers().stream().map(Container::getName).toList());
        assertEquals(List.of("convert"), pod.getContainers().stream().map(Container::getName).toList());
        assertEquals("Never", pod.getRestartPolicy());
        for (Container c : concat(pod.getInitContainers(), pod.getContainers())) {
            Quantity gpu = c.getResources().getLimits().get("nvidia.com/gpu");
            assertEquals(c.getName().equals("train") ? new Quantity("1") : null, gpu, c.getName());
        }
    }

    @Test
    void theStepsCallTheScriptsOfThisFolderWithTheHeldOutPartKeptOut() throws IOException {
        PodSpec pod = job().getSpec().getTemplate().getSpec();
        Map<String, String> scripts = concat(pod.getInitContainers(), pod.getContainers()).stream()
                .collect(Collectors.toMap(Container::getName, c -> String.join(" ", c.getArgs())));
        assertTrue(scripts.get("export").contains("export-training --split development --out /work/train.jsonl"), scripts.get("export"));
        assertTrue(scripts.get("train").contains("python /scripts/train.py --data /work/train.jsonl --output-dir /work/run"),
                scripts.get("train"));
        assertTrue(scripts.get("convert").contains("SKIP_OLLAMA_CREATE=1 bash /scripts/convert.sh /work/run"), scripts.get("convert"));
    }

    private static List<Container> concat(List<Container> a, List<Container> b) {
        List<Container> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Walks the typed model: any field the YAML had that the model lacks lands in additionalProperties. */
    private static void collectUnknownFields(Object node, String path, List<String> unknown) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknownFields(v, path + "." + k, unknown));
            return;
        }
        if (!node.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
            } else if (!(value instanceof Quantity)) {
                collectUnknownFields(value, path + "." + getter.getName().substring(3), unknown);
            }
        }
    }
}
