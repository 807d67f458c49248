package dev.consentry.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The chart rendered by helm-java (no helm binary), each document parsed as the Kubernetes object its kind says, with
 * every field known to the Kubernetes model (a misspelt or misplaced field fails).
 */
final class RenderedChart {

    static final Path CHART = Path.of("consentry");
    private static final Path VALUES = Path.of("src/test/resources/values");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "v1/Service", Service.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);
    private static final List<String> CUSTOM_KINDS = List.of("kafka.strimzi.io/v1beta2/KafkaTopic",
            "kafka.strimzi.io/v1beta2/KafkaUser", "monitoring.coreos.com/v1/ServiceMonitor");

    final String yaml;
    final List<HasMetadata> objects;

    private RenderedChart(String yaml, List<HasMetadata> objects) {
        this.yaml = yaml;
        this.objects = objects;
    }

    /** Renders with the chart's defaults plus the named files of src/test/resources/values. */
    static RenderedChart render(String... valuesFiles) throws Exception {
        var command = new Helm(CHART).template().withName("shop").withNamespace("privacy");
        for (String file : valuesFiles) {
            command = command.withValuesFile(VALUES.resolve(file));
        }
        String yaml = command.call();
        List<HasMetadata> objects = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (doc == null || doc.isNull() || doc.isEmpty()) {
                    continue;
                }
                String kind = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
                if (KINDS.containsKey(kind)) {
                    HasMetadata typed = YAML.treeToValue(doc, KINDS.get(kind));
                    assertNoUnknownFields(typed, kind + " " + typed.getMetadata().getName());
                    objects.add(typed);
                } else if (CUSTOM_KINDS.contains(kind)) {
                    objects.add(YAML.treeToValue(doc, GenericKubernetesResource.class));
                } else {
                    throw new AssertionError("unexpected kind rendered: " + kind);
                }
            }
        }
        return new RenderedChart(yaml, objects);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<GenericKubernetesResource> custom(String kind) {
        return objects.stream().filter(o -> o instanceof GenericKubernetesResource && kind.equals(o.getKind()))
                .map(GenericKubernetesResource.class::cast).toList();
    }

    /** Fields the model does not know end up in "additionalProperties": a rendered object must have none. */
    static void assertNoUnknownFields(Object node, String path) {
        if (node == null || !node.getClass().getName().startsWith("io.fabric8")) {
            if (node instanceof Collection<?> list) {
                int i = 0;
                for (Object item : list) {
                    assertNoUnknownFields(item, path + "[" + i++ + "]");
                }
            } else if (node instanceof Map<?, ?> map) {
                map.forEach((k, v) -> assertNoUnknownFields(v, path + "." + k));
            }
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            try {
                Object value = getter.invoke(node);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        throw new AssertionError("unknown field(s) " + extra.keySet() + " at " + path);
                    }
                } else {
                    assertNoUnknownFields(value, path + "." + getter.getName().substring(3));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
