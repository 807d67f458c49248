package dev.consentry.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consentry.config.ShopApi.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The kinds of item a shop's configuration holds, each read from and written to the service that owns it, in the
 * order they are applied (purposes before the notices and recipients that name them). Fields the services fill in
 * themselves (creation times, topics, counters) are left out of the file.
 */
final class Sections {

    /** One kind of item: its place in the file ({@code consent.purposes}), how to read it, and how to change it. */
    interface Section {
        String path();

        JsonNode read(ShopApi api);

        List<Change> plan(ShopApi api, JsonNode current, JsonNode desired, boolean prune);
    }

    static List<Section> all() {
        return List.of(
                new Single("consent.settings", Service.CONSENT, "/v1/settings"),
                new Listed("consent.purposes", Service.CONSENT, "/v1/purposes", p -> p.path("id").asText(),
                        Set.of("createdAt")) {
                    @Override
                    void create(ShopApi api, JsonNode item) {
                        api.write("POST", Service.CONSENT, "/v1/purposes", item);
                    }

                    @Override
                    String cannotChange() {
                        return "a purpose keeps the terms it was defined with: announce a notice version that names it "
                                + "in changedPurposes, or define a purpose with a new id";
                    }
                },
                new Listed("consent.notices", Service.CONSENT, "/v1/notices",
                        n -> n.path("version").asText() + "/" + n.path("language").asText(),
                        Set.of("announcedAt", "consentsNeedingRenewal", "text")) {
                    @Override
                    void create(ShopApi api, JsonNode item) {
                        api.write("POST", Service.CONSENT, "/v1/notices", item);
                    }

                    @Override
                    String cannotChange() {
                        return "an announced notice version is evidence and does not change: announce a new version";
                    }
                },
                new Single("dsr.settings", Service.DSR, "/v1/settings"),
                new Single("dsr.privacyContact", Service.DSR, "/v1/privacy-contact"),
                new Single("dsr.disclosureNotices", Service.DSR, "/v1/settings/disclosure-notices"),
                new Single("dsr.dormancy", Service.DSR, "/v1/settings/dormancy"),
                new Recipients(),
                new Listed("dsr.legalHolds", Service.DSR, "/v1/legal-holds", h -> h.path("category").asText(), Set.of()) {
                    @Override
                    void create(ShopApi api, JsonNode item) {
                        api.write("PUT", Service.DSR, "/v1/legal-holds", item);
                    }

                    @Override
                    Runnable change(ShopApi api, JsonNode current, JsonNode desired) {
                        return () -> create(api, desired);
                    }
                },
                new RetentionPresets(),
                new Listed("dsr.retention.rules", Service.DSR, "/v1/retention/rules", r -> r.path("id").asText(),
                        Set.of()) {
                    @Override
                    ArrayNode readItems(ShopApi api) {
                        ArrayNode own = ShopApi.JSON.createArrayNode();
                        api.list(Service.DSR, "/v1/retention/rules").forEach(r -> {
                            if (!r.hasNonNull("preset")) {
                                own.add(r); // rules a preset added come and go with the preset
                            }
                        });
                        return own;
                    }

                    @Override
                    void create(ShopApi api, JsonNode item) {
                        ObjectNode body = ((ObjectNode) item).deepCopy();
                        body.remove("id");
                        api.write("PUT", Service.DSR, "/v1/retention/rules/" + item.path("id").asText(), body);
                    }

                    @Override
                    Runnable change(ShopApi api, JsonNode current, JsonNode desired) {
                        return () -> create(api, desired);
                    }

                    @Override
                    Runnable remove(ShopApi api, JsonNode current) {
                        return () -> api.write("DELETE", Service.DSR, "/v1/retention/rules/" + current.path("id").asText(), null);
                    }
                });
    }

    /** A settings object of the shop: replaced as a whole (PUT). Absent from the file: left as it is. */
    record Single(String path, Service service, String resource) implements Section {

        @Override
        public JsonNode read(ShopApi api) {
            return withoutNulls(api.get(service, resource));
        }

        @Override
        public List<Change> plan(ShopApi api, JsonNode current, JsonNode desired, boolean prune) {
            if (desired == null || desired.isNull()) {
                return List.of();
            }
            if (desired.equals(current)) {
                return List.of(Change.unchanged(path));
            }
            return List.of(new Change(current == null ? '+' : '~', path, null,
                    () -> api.write("PUT", service, resource, desired)));
        }
    }

    /** Items with a key, listed by the service; created one by one, changed where the API allows. */
    abstract static class Listed implements Section {

        private final String path;
        private final Service service;
        private final String resource;
        private final Function<JsonNode, String> key;
        private final Set<String> serverFields;

        Listed(String path, Service service, String resource, Function<JsonNode, String> key, Set<String> serverFields) {
            this.path = path;
            this.service = service;
            this.resource = resource;
            this.key = key;
            this.serverFields = serverFields;
        }

        @Override
        public String path() {
            return path;
        }

        ArrayNode readItems(ShopApi api) {
            return api.list(service, resource);
        }

        abstract void create(ShopApi api, JsonNode item);

        /** How to change {@code current} into {@code desired}; null if the API cannot (see {@link #cannotChange()}). */
        Runnable change(ShopApi api, JsonNode current, JsonNode desired) {
            return null;
        }

        String cannotChange() {
            return "cannot be changed through the API";
        }

        /** How to remove an item the file no longer has (with --prune); null if the API keeps it. */
        Runnable remove(ShopApi api, JsonNode current) {
            return null;
        }

        JsonNode normalise(JsonNode item) {
            ObjectNode copy = (ObjectNode) withoutNulls(item);
            serverFields.forEach(copy::remove);
            return copy;
        }

        @Override
        public JsonNode read(ShopApi api) {
            List<JsonNode> items = new ArrayList<>();
            readItems(api).forEach(item -> items.add(normalise(item)));
            items.sort(Comparator.comparing(key));
            ArrayNode sorted = ShopApi.JSON.createArrayNode();
            items.forEach(sorted::add);
            return sorted;
        }

        @Override
        public List<Change> plan(ShopApi api, JsonNode current, JsonNode desired, boolean prune) {
            if (desired == null || desired.isNull()) {
                return List.of();
            }
            Map<String, JsonNode> now = byKey(current);
            Map<String, JsonNode> wanted = byKey(desired);
            List<Change> changes = new ArrayList<>();
            wanted.forEach((id, item) -> {
                String name = path + " " + id;
                JsonNode existing = now.get(id);
                if (existing == null) {
                    changes.add(new Change('+', name, null, () -> create(api, item)));
                } else if (existing.equals(item)) {
                    changes.add(Change.unchanged(name));
                } else {
                    Runnable change = change(api, existing, item);
                    changes.add(change == null ? new Change('!', name, cannotChange(), null)
                            : new Change('~', name, null, change));
                }
            });
            now.forEach((id, item) -> {
                if (!wanted.containsKey(id)) {
                    Runnable removal = remove(api, item);
                    changes.add(removal != null && prune ? new Change('-', path + " " + id, null, removal)
                            : new Change('?', path + " " + id, removal == null ? "in the shop only; the API keeps it"
                            : "in the shop only; --prune removes it", null));
                }
            });
            return changes;
        }

        private Map<String, JsonNode> byKey(JsonNode items) {
            Map<String, JsonNode> map = new LinkedHashMap<>();
            if (items != null) {
                for (JsonNode item : items) {
                    JsonNode normal = normalise(item);
                    if (map.put(key.apply(normal), normal) != null) {
                        throw new IllegalArgumentException(path + " names " + key.apply(normal) + " twice");
                    }
                }
            }
            return map;
        }
    }

    /** The registry: recipients are created whole; only their agreement can change afterwards. */
    static final class Recipients extends Listed {

        Recipients() {
            super("dsr.recipients", Service.DSR, "/v1/recipients", r -> r.path("id").asText(),
                    Set.of("createdAt", "topic", "replyTopic"));
        }

        @Override
        JsonNode normalise(JsonNode item) {
            ObjectNode copy = (ObjectNode) super.normalise(item);
            // the shop's own system: its partner id is <tenant>--<id>, made by the service, not part of the file
            if (copy.path("partnerId").asText().endsWith("--" + copy.path("id").asText())) {
                copy.remove("partnerId");
            }
            return copy;
        }

        @Override
        void create(ShopApi api, JsonNode item) {
            api.write("POST", Service.DSR, "/v1/recipients", item);
        }

        @Override
        Runnable change(ShopApi api, JsonNode current, JsonNode desired) {
            ObjectNode a = ((ObjectNode) current).deepCopy();
            ObjectNode b = ((ObjectNode) desired).deepCopy();
            a.remove("agreement");
            b.remove("agreement");
            if (!a.equals(b) || !desired.hasNonNull("agreement")) {
                return null;
            }
            return () -> api.write("PUT", Service.DSR, "/v1/recipients/" + desired.path("id").asText() + "/agreement",
                    desired.get("agreement"));
        }

        @Override
        String cannotChange() {
            return "a recipient's entry cannot change after it is linked, except its agreement";
        }
    }

    /** The retention presets switched on, by id. */
    static final class RetentionPresets implements Section {

        @Override
        public String path() {
            return "dsr.retention.presets";
        }

        @Override
        public JsonNode read(ShopApi api) {
            ArrayNode enabled = ShopApi.JSON.createArrayNode();
            api.get(Service.DSR, "/v1/retention/presets").forEach(p -> {
                if (p.path("enabled").asBoolean()) {
                    enabled.add(p.path("id").asText());
                }
            });
            return enabled;
        }

        @Override
        public List<Change> plan(ShopApi api, JsonNode current, JsonNode desired, boolean prune) {
            if (desired == null || desired.isNull()) {
                return List.of();
            }
            List<String> now = new ArrayList<>();
            current.forEach(p -> now.add(p.asText()));
            List<String> wanted = new ArrayList<>();
            desired.forEach(p -> wanted.add(p.asText()));
            List<Change> changes = new ArrayList<>();
            for (String id : wanted) {
                changes.add(now.contains(id) ? Change.unchanged(path() + " " + id) : new Change('+', path() + " " + id,
                        null, () -> api.write("PUT", Service.DSR, "/v1/retention/presets/" + id, null)));
            }
            for (String id : now) {
                if (!wanted.contains(id)) {
                    changes.add(prune ? new Change('-', path() + " " + id, null,
                            () -> api.write("DELETE", Service.DSR, "/v1/retention/presets/" + id, null))
                            : new Change('?', path() + " " + id, "in the shop only; --prune switches it off", null));
                }
            }
            return changes;
        }
    }

    /** The node without null fields, recursively (the services leave unset fields out too). */
    static JsonNode withoutNulls(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isNull()) {
                    it.remove();
                } else {
                    strip(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(Sections::strip);
        }
    }

    private Sections() {
    }
}
