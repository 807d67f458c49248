package dev.consentry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.data.ConsentDecisionData;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The audit ingest's generator sends the event consent-service would send, only built faster. */
class EventTemplateTest {

    @Test
    void theTemplatesEventIsTheOneTheContractsMapperWrites() throws Exception {
        Instant time = Instant.parse("2026-11-30T21:30:27.654321Z");
        AuditWorkloads.EventTemplate template = new AuditWorkloads.EventTemplate("shop-a");
        JsonNode sent = EventContract.mapper().readTree(template.event("3f1c1f0e-1b7a-4d2e-9b8e-5c3a2f1d0e9c",
                "bench-audit-7", time));
        JsonNode written = EventContract.mapper().valueToTree(new CloudEvent(CloudEvent.SPEC_VERSION,
                "3f1c1f0e-1b7a-4d2e-9b8e-5c3a2f1d0e9c", "/consentry/consent-service", EventTypes.CONSENT_GIVEN, time,
                CloudEvent.JSON, "shop-a", "bench-audit-7", EventContract.mapper().valueToTree(new ConsentDecisionData(
                sent.path("data").path("recordId").asText(), "marketing-email", "given", time, "checkbox", "web",
                "bench", "1", "subject"))));
        assertEquals(written, sent);
        CloudEvent parsed = EventContract.mapper().treeToValue(sent, CloudEvent.class);
        assertEquals(time, parsed.time());
        JsonNode other = EventContract.mapper().readTree(template.event("x", "y", time));
        assertNotEquals(sent.path("data").path("recordId"), other.path("data").path("recordId"), "a record id per event");
    }
}
