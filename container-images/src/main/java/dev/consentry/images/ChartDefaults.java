package dev.consentry.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The image names the Helm chart uses by default — {@code <image.registry>/<services.X.image>:<image.tag or
 * appVersion>} — so that the images built here are the ones an install pulls.
 */
record ChartDefaults(String registry, String tag, String appVersion, Map<String, String> images) {

    static ChartDefaults read(Path chart) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode values = yaml.readTree(chart.resolve("values.yaml").toFile());
        String appVersion = yaml.readTree(chart.resolve("Chart.yaml").toFile()).path("appVersion").asText();
        String tag = values.path("image").path("tag").asText("");
        return new ChartDefaults(values.path("image").path("registry").asText(), tag.isBlank() ? appVersion : tag,
                appVersion, Map.of(
                "consent-service", values.path("services").path("consent").path("image").asText(),
                "dsr-service", values.path("services").path("dsr").path("image").asText(),
                "audit-service", values.path("services").path("audit").path("image").asText(),
                "privacy-console", values.path("console").path("image").asText()));
    }

    String image(String application) {
        String name = images.get(application);
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("the chart names no image for " + application);
        }
        return registry + "/" + name + ":" + tag;
    }
}
