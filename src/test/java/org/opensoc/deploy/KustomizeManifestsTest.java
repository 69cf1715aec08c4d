package org.opensoc.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Renders k8s/ (the base and every overlay) with {@code kubectl kustomize}, parses each document into
 * fabric8's typed model and checks what a GPU deployment of OpenSOC depends on.
 */
class KustomizeManifestsTest {

    private static final String GPU = "nvidia.com/gpu";
    private static final String KNATIVE_API = "serving.knative.dev/v1";
    /** A release version (optionally with a suffix such as -native) or a digest; never latest. */
    private static final Pattern PINNED = Pattern.compile(".+:\\d+\\.\\d+(\\.\\d+)?(-[A-Za-z0-9.]+)?|.+@sha256:[0-9a-f]{64}");
    /** The fields a Knative revision template adds to a PodSpec. */
    private static final Set<String> KNATIVE_REVISION_FIELDS =
            Set.of("containerConcurrency", "timeoutSeconds", "responseStartTimeoutSeconds", "idleTimeoutSeconds");

    enum Variant {
        BASE("k8s/base"), CPU_ONLY("k8s/overlays/cpu-only"), KNATIVE("k8s/overlays/knative");

        final Path dir;

        Variant(String dir) {
            this.dir = Path.of(dir);
        }
    }

    /** One rendered variant and the pod it runs, whatever object holds the pod. */
    record Rendered(RenderedManifests manifests, ObjectMeta podMeta, PodSpec pod) {

        Container container(String name) {
            return pod.getContainers().stream().filter(c -> name.equals(c.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError("no container " + name));
        }

        Volume volume(String name) {
            return pod.getVolumes().stream().filter(v -> name.equals(v.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError("no volume " + name));
        }
    }

    private static final Map<Variant, Rendered> RENDERED = new EnumMap<>(Variant.class);

    @BeforeAll
    static void renderEveryVariant() throws Exception {
        assumeTrue(RenderedManifests.kubectlAvailable(),
                "kubectl is not on PATH here, so k8s/ is not rendered: install kubectl to run these checks");
        for (Variant variant : Variant.values()) {
            RenderedManifests manifests = RenderedManifests.render(variant.dir);
            if (variant == Variant.KNATIVE) {
                Map<String, Object> template = knativeTemplate(manifests);
                Map<String, Object> spec = new LinkedHashMap<>(map(template.get("spec")));
                spec.keySet().removeAll(KNATIVE_REVISION_FIELDS);
                RENDERED.put(variant, new Rendered(manifests,
                        RenderedManifests.SERIALIZATION.convertValue(template.get("metadata"), ObjectMeta.class),
                        RenderedManifests.SERIALIZATION.convertValue(spec, PodSpec.class)));
            } else {
                Deployment deployment = manifests.one(Deployment.class);
                RENDERED.put(variant, new Rendered(manifests,
                        deployment.getSpec().getTemplate().getMetadata(), deployment.getSpec().getTemplate().getSpec()));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyRenderedFieldIsKnownToTheKubernetesModel(Variant variant) {
        Rendered rendered = RENDERED.get(variant);
        for (HasMetadata resource : rendered.manifests().all()) {
            // A generic resource keeps its whole spec as additional properties; its metadata is typed all the same.
            Object typed = resource instanceof GenericKubernetesResource ? resource.getMetadata() : resource;
            assertEquals(List.of(), UnknownFields.in(typed), resource.getKind() + " " + resource.getMetadata().getName());
        }
        assertEquals(List.of(), UnknownFields.in(rendered.pod()), "pod spec of " + variant);
        assertEquals(List.of(), UnknownFields.in(rendered.podMeta()), "pod metadata of " + variant);
        List<GenericKubernetesResource> untyped = rendered.manifests().all(GenericKubernetesResource.class);
        if (variant == Variant.KNATIVE) {
            assertEquals(1, untyped.size(), "only the Knative Service lacks a typed model");
        } else {
            assertEquals(List.of(), untyped.stream().map(r -> r.getApiVersion() + " " + r.getKind()).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"BASE", "KNATIVE"})
    void sidecarRequestsOneGpuAndTheServiceNone(Variant variant) {
        Rendered rendered = RENDERED.get(variant);
        Container ollama = rendered.container("ollama");
        assertEquals(new Quantity("1"), ollama.getResources().getLimits().get(GPU));
        assertEquals(new Quantity("1"), ollama.getResources().getRequests().get(GPU));
        Container service = rendered.container("opensoc");
        assertFalse(service.getResources().getLimits().containsKey(GPU));
        assertFalse(service.getResources().getRequests().containsKey(GPU));
        assertEquals(2, rendered.pod().getContainers().size());
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"BASE", "KNATIVE"})
    void podLandsOnATaintedT4Node(Variant variant) {
        PodSpec pod = RENDERED.get(variant).pod();
        assertEquals(Map.of("nvidia.com/gpu.product", "Tesla-T4"), pod.getNodeSelector());
        assertTrue(pod.getTolerations().stream().anyMatch(t -> GPU.equals(t.getKey())
                        && "Exists".equals(t.getOperator()) && "NoSchedule".equals(t.getEffect())),
                "tolerates the GPU taint: " + pod.getTolerations());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void serviceIsProbedOnItsHealthEndpoints(Variant variant) {
        Container service = RENDERED.get(variant).container("opensoc");
        assertEquals("/q/health/live", service.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/q/health/ready", service.getReadinessProbe().getHttpGet().getPath());
        assertEquals(List.of(8080), service.getPorts().stream().map(ContainerPort::getContainerPort).toList());
        if (variant != Variant.KNATIVE) {
            // Knative probes the serving container's own port and refuses a port in the probe.
            assertEquals(8080, containerPort(service, service.getLivenessProbe().getHttpGet().getPort()));
            assertEquals(8080, containerPort(service, service.getReadinessProbe().getHttpGet().getPort()));
            assertEquals("/q/health/started", service.getStartupProbe().getHttpGet().getPath());
        }
    }

    @Test
    void sidecarProbesAskTheServerNotTheModel() {
        Container ollama = RENDERED.get(Variant.BASE).container("ollama");
        for (Probe probe : List.of(ollama.getStartupProbe(), ollama.getLivenessProbe(), ollama.getReadinessProbe())) {
            assertNotNull(probe.getExec(), "Ollama listens on loopback, out of reach of HTTP probes");
            assertEquals(List.of("ollama", "list"), probe.getExec().getCommand());
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyContainerRunsUnprivilegedOnAReadOnlyRoot(Variant variant) {
        Rendered rendered = RENDERED.get(variant);
        assertEquals("RuntimeDefault", rendered.pod().getSecurityContext().getSeccompProfile().getType());
        assertTrue(rendered.pod().getSecurityContext().getRunAsNonRoot());
        for (Container container : rendered.pod().getContainers()) {
            SecurityContext security = container.getSecurityContext();
            assertNotNull(security, container.getName());
            assertAll(container.getName(),
                    () -> assertTrue(security.getRunAsNonRoot()),
                    () -> assertTrue(security.getRunAsUser() > 0),
                    () -> assertTrue(security.getReadOnlyRootFilesystem()),
                    () -> assertFalse(security.getAllowPrivilegeEscalation()),
                    () -> assertEquals(List.of("ALL"), security.getCapabilities().getDrop()),
                    () -> assertTrue(security.getCapabilities().getAdd() == null || security.getCapabilities().getAdd().isEmpty()),
                    () -> assertTrue(security.getPrivileged() == null || !security.getPrivileged()));
            // The writable places a read-only root leaves: scratch space and the models volume, nothing else.
            for (VolumeMount mount : container.getVolumeMounts()) {
                Volume volume = rendered.volume(mount.getName());
                boolean writable = mount.getReadOnly() == null || !mount.getReadOnly();
                if (writable) {
                    assertTrue(volume.getEmptyDir() != null || volume.getPersistentVolumeClaim() != null,
                            container.getName() + " writes only to emptyDir or PVC volumes, not " + mount.getName());
                }
            }
            assertTrue(container.getVolumeMounts().stream().anyMatch(m -> "/tmp".equals(m.getMountPath())),
                    container.getName() + " gets a writable /tmp");
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyVolumeMountNamesAVolumeAndEveryVolumeIsMounted(Variant variant) {
        Rendered rendered = RENDERED.get(variant);
        Set<String> mounted = new HashSet<>();
        for (Container container : rendered.pod().getContainers()) {
            for (VolumeMount mount : container.getVolumeMounts()) {
                rendered.volume(mount.getName());
                mounted.add(mount.getName());
            }
        }
        assertEquals(mounted, Set.copyOf(rendered.pod().getVolumes().stream().map(Volume::getName).toList()));
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void imagesArePinnedToAVersion(Variant variant) {
        for (Container container : RENDERED.get(variant).pod().getContainers()) {
            String image = container.getImage();
            assertTrue(PINNED.matcher(image).matches(), container.getName() + " image is pinned: " + image);
            assertFalse(image.endsWith(":latest"), image);
        }
    }

    @Test
    void knativeRunsTheSameImagesAsTheDeployment() {
        assertEquals(images(RENDERED.get(Variant.BASE).pod()), images(RENDERED.get(Variant.KNATIVE).pod()));
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"BASE", "KNATIVE"})
    void serviceReachesOllamaOnThePodsLoopback(Variant variant) {
        Rendered rendered = RENDERED.get(variant);
        assertEquals(Optional.of("http://localhost:11434"), env(rendered.container("opensoc"), "OLLAMA_BASE_URL"));
        assertEquals(Optional.of("127.0.0.1:11434"), env(rendered.container("ollama"), "OLLAMA_HOST"));
        assertTrue(rendered.container("ollama").getPorts().isEmpty(), "the sidecar publishes no port");
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"BASE", "KNATIVE"})
    void modelfileConfigMapIsTheTopLevelModelfileByteForByte(Variant variant) throws Exception {
        Rendered rendered = RENDERED.get(variant);
        ConfigMap modelfile = rendered.manifests().one(ConfigMap.class);
        byte[] topLevel = Files.readAllBytes(Path.of("Modelfile"));
        assertArrayEquals(topLevel, modelfile.getData().get("Modelfile").getBytes(StandardCharsets.UTF_8),
                "k8s/components/model/Modelfile must be a copy of the top-level Modelfile: "
                        + "cp Modelfile k8s/components/model/Modelfile");

        Volume volume = rendered.volume("modelfile");
        assertEquals(modelfile.getMetadata().getName(), volume.getConfigMap().getName(),
                "the sidecar mounts the generated (hash-suffixed) ConfigMap");
        Container ollama = rendered.container("ollama");
        VolumeMount mount = mount(ollama, "modelfile");
        assertEquals("Modelfile", mount.getSubPath());
        assertEquals(env(ollama, "OPENSOC_MODELFILE").orElseThrow(), mount.getMountPath());
    }

    @Test
    void modelfileCopyInTheKustomizationMatchesTheTopLevelOne() throws Exception {
        assertArrayEquals(Files.readAllBytes(Path.of("Modelfile")),
                Files.readAllBytes(Path.of("k8s/components/model/Modelfile")),
                "cp Modelfile k8s/components/model/Modelfile");
    }

    @ParameterizedTest
    @EnumSource(value = Variant.class, names = {"BASE", "KNATIVE"})
    void modelsLiveOnThePersistentVolumeClaim(Variant variant) {
        Rendered rendered = RENDERED.get(variant);
        PersistentVolumeClaim claim = rendered.manifests().one(PersistentVolumeClaim.class);
        Container ollama = rendered.container("ollama");
        VolumeMount models = mount(ollama, "models");
        assertEquals(claim.getMetadata().getName(), rendered.volume("models").getPersistentVolumeClaim().getClaimName());
        assertEquals(env(ollama, "OLLAMA_MODELS").orElseThrow(), models.getMountPath());
    }

    @Test
    void networkPolicyAdmitsOnlyTheServicePort() {
        Rendered rendered = RENDERED.get(Variant.BASE);
        NetworkPolicy policy = rendered.manifests().one(NetworkPolicy.class);
        assertEquals(rendered.podMeta().getLabels(), policy.getSpec().getPodSelector().getMatchLabels());
        assertEquals(List.of("Ingress"), policy.getSpec().getPolicyTypes());
        List<IntOrString> ports = policy.getSpec().getIngress().stream()
                .flatMap(rule -> rule.getPorts().stream()).map(NetworkPolicyPort::getPort).toList();
        assertEquals(List.of(new IntOrString(8080)), ports);
    }

    @Test
    void serviceBudgetAndAutoscalerAllTargetThePod() {
        Rendered rendered = RENDERED.get(Variant.BASE);
        Map<String, String> podLabels = rendered.podMeta().getLabels();
        Service service = rendered.manifests().one(Service.class);
        assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()));
        assertEquals(8080, containerPort(rendered.container("opensoc"), service.getSpec().getPorts().get(0).getTargetPort()));

        PodDisruptionBudget budget = rendered.manifests().one(PodDisruptionBudget.class);
        assertEquals(podLabels, budget.getSpec().getSelector().getMatchLabels());

        Deployment deployment = rendered.manifests().one(Deployment.class);
        HorizontalPodAutoscaler autoscaler = rendered.manifests().one(HorizontalPodAutoscaler.class);
        assertEquals("Deployment", autoscaler.getSpec().getScaleTargetRef().getKind());
        assertEquals(deployment.getMetadata().getName(), autoscaler.getSpec().getScaleTargetRef().getName());
        assertTrue(autoscaler.getSpec().getMinReplicas() <= autoscaler.getSpec().getMaxReplicas());
        assertEquals(null, deployment.getSpec().getReplicas(), "the HPA owns the replica count");
    }

    @Test
    void cpuOnlyRunsTheServiceAloneWithoutAGpu() {
        Rendered rendered = RENDERED.get(Variant.CPU_ONLY);
        assertEquals(List.of("opensoc"), rendered.pod().getContainers().stream().map(Container::getName).toList());
        Container service = rendered.container("opensoc");
        assertFalse(service.getResources().getLimits().containsKey(GPU));
        assertFalse(service.getResources().getRequests().containsKey(GPU));
        assertTrue(rendered.pod().getNodeSelector() == null || rendered.pod().getNodeSelector().isEmpty());
        assertTrue(rendered.pod().getTolerations() == null || rendered.pod().getTolerations().isEmpty());
        assertEquals(Optional.empty(), env(service, "OLLAMA_BASE_URL"));
        assertEquals(Optional.of("false"), env(service, "OPENSOC_MODEL_ENABLED"));
        assertEquals(List.of(), rendered.manifests().all(ConfigMap.class));
        assertEquals(List.of(), rendered.manifests().all(PersistentVolumeClaim.class));
        // The rest of the base stays: Service, NetworkPolicy, budget and autoscaler.
        assertEquals(Set.of("Deployment", "Service", "NetworkPolicy", "PodDisruptionBudget", "HorizontalPodAutoscaler"),
                Set.copyOf(rendered.manifests().all().stream().map(HasMetadata::getKind).toList()));
    }

    @Test
    void knativeServiceScalesToZeroWithTheSidecarOnAGpu() {
        Rendered rendered = RENDERED.get(Variant.KNATIVE);
        GenericKubernetesResource knative = rendered.manifests().generic(KNATIVE_API, "Service");
        assertEquals(Set.of("spec"), knative.getAdditionalProperties().keySet());
        assertEquals(Set.of("template"), map(knative.getAdditionalProperties().get("spec")).keySet());
        Map<String, Object> template = knativeTemplate(rendered.manifests());
        assertEquals(Set.of("metadata", "spec"), template.keySet());

        Map<String, String> annotations = rendered.podMeta().getAnnotations();
        assertEquals("0", annotations.get("autoscaling.knative.dev/min-scale"));
        assertTrue(Integer.parseInt(annotations.get("autoscaling.knative.dev/max-scale")) >= 1);
        int target = Integer.parseInt(annotations.get("autoscaling.knative.dev/target"));
        int concurrency = ((Number) map(template.get("spec")).get("containerConcurrency")).intValue();
        assertTrue(target > 0 && target <= concurrency, "soft target " + target + " within the hard limit " + concurrency);

        // Knative serves through exactly one container with a port; the sidecar has none.
        assertEquals(List.of("opensoc"), rendered.pod().getContainers().stream()
                .filter(c -> c.getPorts() != null && !c.getPorts().isEmpty()).map(Container::getName).toList());
        assertEquals(Set.of("ConfigMap", "PersistentVolumeClaim", "Service"),
                Set.copyOf(rendered.manifests().all().stream().map(HasMetadata::getKind).toList()));
    }

    private static Map<String, Object> knativeTemplate(RenderedManifests manifests) {
        GenericKubernetesResource knative = manifests.generic(KNATIVE_API, "Service");
        return map(map(knative.getAdditionalProperties().get("spec")).get("template"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map, "expected a mapping, got " + value);
        return (Map<String, Object>) value;
    }

    private static int containerPort(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError("no port named " + port.getStrVal()));
    }

    private static Optional<String> env(Container container, String name) {
        return Optional.ofNullable(container.getEnv()).orElse(List.of()).stream()
                .filter(e -> name.equals(e.getName())).map(EnvVar::getValue).findFirst();
    }

    private static VolumeMount mount(Container container, String volume) {
        return container.getVolumeMounts().stream().filter(m -> volume.equals(m.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " does not mount " + volume));
    }

    private static Map<String, String> images(PodSpec pod) {
        Map<String, String> images = new LinkedHashMap<>();
        pod.getContainers().forEach(c -> images.put(c.getName(), c.getImage()));
        return images;
    }
}
