package dev.consentry.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The published AsyncAPI document and the code name the same topics, event types and schemas. */
class AsyncApiDocumentTest {

    private static String asyncApi() throws IOException {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream("consentry/asyncapi.yaml")) {
            assertNotNull(in, "asyncapi.yaml is packaged");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyEventTypeInTheCodeIsDocumentedWithASchema() throws Exception {
        String doc = asyncApi();
        List<String> missing = new ArrayList<>();
        for (Field f : EventTypes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String type = (String) f.get(null);
                if (!doc.contains("name: " + type)) {
                    missing.add(type);
                }
                assertTrue(EventContract.isKnownType(type), type + " has a data schema");
            }
        }
        assertEquals(List.of(), missing, "event types missing from asyncapi.yaml");
    }

    @Test
    void everyTopicInTheCodeIsDocumented() throws IOException {
        String doc = asyncApi();
        for (String topic : List.of(Topics.CONSENT, Topics.DSR, Topics.AUDIT_CHECKPOINTS,
                "consentry.partner.{partnerId}.v1", "consentry.partner.{partnerId}.replies.v1")) {
            assertTrue(doc.contains("address: " + topic), topic);
        }
    }

    /** S1: the code's table of channels and the document's channels accept the same types from the same source. */
    @Test
    void theChannelTableInTheCodeIsTheDocumentsTable() throws Exception {
        JsonNode doc = new YAMLMapper().readTree(asyncApi());
        int matched = 0;
        for (JsonNode channel : doc.path("channels")) {
            String topic = channel.path("address").asText().replace("{partnerId}", "some-partner");
            List<Channel> owners = Channels.ALL.stream().filter(c -> c.topicOwner().apply(topic).isPresent()).toList();
            if (topic.contains("dlq")) {
                assertEquals(List.of(), owners, "dead-letter topics belong to no channel");
                continue;
            }
            assertEquals(1, owners.size(), topic + " belongs to exactly one channel");
            Channel code = owners.get(0);
            Set<String> documented = new TreeSet<>();
            for (JsonNode ref : channel.path("messages")) {
                String name = ref.path("$ref").asText().replace("#/components/messages/", "");
                documented.add(doc.path("components").path("messages").path(name).path("name").asText());
            }
            assertEquals(new TreeSet<>(code.types()), documented, topic + ": accepted types");
            String owner = code.topicOwner().apply(topic).orElseThrow();
            assertEquals(code.expectedSource().apply(owner),
                    channel.path("x-consentry-source").asText().replace("{partnerId}", "some-partner"), topic + ": source");
            matched++;
        }
        assertEquals(Channels.ALL.size(), matched, "every channel of the code is documented");
    }

    @Test
    void everySchemaReferencedByTheDocumentIsPackaged() throws IOException {
        Matcher refs = Pattern.compile("\\$ref: 'schemas/([^']+)'").matcher(asyncApi());
        int count = 0;
        while (refs.find()) {
            count++;
            assertNotNull(getClass().getClassLoader().getResource(EventContract.schemaResource(refs.group(1))),
                    refs.group(1));
        }
        assertTrue(count > 0);
    }
}
