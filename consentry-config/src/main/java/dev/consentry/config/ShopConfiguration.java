package dev.consentry.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A shop's configuration as one YAML document: {@code consent} (settings, purposes, notices) and {@code dsr}
 * (settings, privacy contact, disclosure notices, dormancy, recipients, legal holds, retention presets and rules).
 * A section left out of the file is left as the shop has it.
 */
final class ShopConfiguration {

    static final String API_VERSION = "consentry.dev/v1";
    static final String KIND = "ShopConfiguration";
    private static final Set<String> TOP_LEVEL = Set.of("apiVersion", "kind", "consent", "dsr");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private final ObjectNode root;

    private ShopConfiguration(ObjectNode root) {
        this.root = root;
    }

    /** What the shop has now, every section read from its service. */
    static ShopConfiguration export(ShopApi api) {
        ObjectNode root = ShopApi.JSON.createObjectNode().put("apiVersion", API_VERSION).put("kind", KIND);
        ShopConfiguration config = new ShopConfiguration(root);
        for (Sections.Section section : Sections.all()) {
            JsonNode value = section.read(api);
            if (value != null) {
                config.put(section.path(), value);
            }
        }
        return config;
    }

    static ShopConfiguration parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not YAML: line " + e.getLocation().getLineNr());
        }
        if (root == null || !root.isObject() || !API_VERSION.equals(root.path("apiVersion").asText())
                || !KIND.equals(root.path("kind").asText())) {
            throw new IllegalArgumentException("not a shop configuration (apiVersion " + API_VERSION + ", kind " + KIND + ")");
        }
        List<String> unknown = new ArrayList<>();
        root.fieldNames().forEachRemaining(f -> {
            if (!TOP_LEVEL.contains(f)) {
                unknown.add(f);
            }
        });
        Set<String> known = Set.copyOf(Sections.all().stream().map(Sections.Section::path).toList());
        for (String service : List.of("consent", "dsr")) {
            root.path(service).fieldNames().forEachRemaining(f -> {
                String path = service + "." + f;
                if (!known.contains(path) && !"dsr.retention".equals(path)) {
                    unknown.add(path);
                }
            });
        }
        root.path("dsr").path("retention").fieldNames().forEachRemaining(f -> {
            if (!known.contains("dsr.retention." + f)) {
                unknown.add("dsr.retention." + f);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown sections: " + String.join(", ", unknown));
        }
        return new ShopConfiguration((ObjectNode) root);
    }

    /** The section at {@code path} (e.g. {@code dsr.retention.rules}), or null if the file leaves it out. */
    JsonNode get(String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node.isMissingNode() ? null : node;
    }

    private void put(String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    /** The plan: what applying this file to the shop would do, section by section in the order of applying. */
    List<Change> plan(ShopApi api, boolean prune) {
        List<Change> changes = new ArrayList<>();
        for (Sections.Section section : Sections.all()) {
            JsonNode desired = get(section.path());
            if (desired != null) {
                changes.addAll(section.plan(api, section.read(api), desired, prune));
            }
        }
        return changes;
    }

    String toYaml() {
        try {
            return "# A Consentry shop's configuration: consentry-config plan -f <file>, then apply -f <file>\n"
                    + YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
