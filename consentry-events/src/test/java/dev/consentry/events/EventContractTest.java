package dev.consentry.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consentry.events.data.ConsentDecisionData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventContractTest {

    private static ObjectNode consentGiven() {
        ConsentDecisionData data = new ConsentDecisionData(UUID.randomUUID().toString(), "marketing-email", "given",
                Instant.parse("2026-11-01T10:00:00Z"), "checkbox", "web", "signup-form", "2026-01", "subject");
        CloudEvent event = new CloudEvent("1.0", UUID.randomUUID().toString(), "/consentry/consent-service",
                EventTypes.CONSENT_GIVEN, Instant.parse("2026-11-01T10:00:00Z"), "application/json", "shop-a",
                "Zm9vYmFyYmF6cXV4cXV1eA", EventContract.mapper().valueToTree(data));
        return EventContract.mapper().valueToTree(event);
    }

    @Test
    void conformingEventHasNoViolations() {
        assertEquals(java.util.List.of(), EventContract.violations(consentGiven()));
    }

    @Test
    void missingTenantOrWrongDecisionIsAViolation() {
        ObjectNode noTenant = consentGiven();
        noTenant.remove("tenant");
        assertFalse(EventContract.violations(noTenant).isEmpty());

        ObjectNode badDecision = consentGiven();
        ((ObjectNode) badDecision.get("data")).put("decision", "maybe");
        assertTrue(EventContract.violations(badDecision).stream().anyMatch(v -> v.startsWith("data:")));
    }

    @Test
    void unknownTypeIsAViolation() {
        ObjectNode event = consentGiven();
        event.put("type", "dev.consentry.consent.guessed.v1");
        assertFalse(EventContract.violations(event).isEmpty());
    }

    @Test
    void recipientIdsThatCannotNameATopicAreRefused() {
        assertEquals("consentry.partner.swift-shipping.v1", Topics.partner("swift-shipping"));
        assertThrows(IllegalArgumentException.class, () -> Topics.partner("../etc"));
        assertThrows(IllegalArgumentException.class, () -> Topics.partner("Upper"));
    }
}
