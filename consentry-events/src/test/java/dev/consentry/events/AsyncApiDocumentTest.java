package dev.consentry.events;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
        for (String topic : List.of(Topics.CONSENT, Topics.DSR, Topics.PARTNER_REPLIES, "consentry.partner.{recipientId}.v1")) {
            assertTrue(doc.contains("address: " + topic), topic);
        }
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
