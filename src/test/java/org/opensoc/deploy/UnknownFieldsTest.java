package org.opensoc.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownFieldsTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: opensoc
            spec:
              template:
                spec:
                  %s
                  containers:
                    - name: opensoc
                      image: ghcr.io/opensoc/opensoc:1.0.0
                      %s
                      resources:
                        limits:
                          memory: 768Mi
            """;

    @Test
    void acceptsAManifestOfKnownFields() {
        assertEquals(List.of(), UnknownFields.in(parse(DEPLOYMENT.formatted("nodeSelector: {gpu: t4}", "imagePullPolicy: IfNotPresent"))));
    }

    @Test
    void reportsAMisspeltFieldDeepInThePodTemplate() {
        assertEquals(List.of("spec.template.spec.containers[0]: [imagePullPolice]"),
                UnknownFields.in(parse(DEPLOYMENT.formatted("nodeSelector: {gpu: t4}", "imagePullPolice: IfNotPresent"))));
    }

    @Test
    void reportsAFieldPutAtTheWrongLevel() {
        assertEquals(List.of("spec.template.spec: [runAsNonRoot]"),
                UnknownFields.in(parse(DEPLOYMENT.formatted("runAsNonRoot: true", "imagePullPolicy: IfNotPresent"))));
    }

    private static Object parse(String yaml) {
        return RenderedManifests.SERIALIZATION.unmarshal(yaml, KubernetesResource.class);
    }
}
