package dev.consentry.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.consentry.events.data.ConsentDecisionData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
    void partnerIdsThatCannotNameATopicAreRefused() {
        assertEquals("consentry.partner.swift-shipping.v1", Topics.partnerNotices("swift-shipping"));
        assertEquals("consentry.partner.swift-shipping.replies.v1", Topics.partnerReplies("swift-shipping"));
        assertThrows(IllegalArgumentException.class, () -> Topics.partnerNotices("../etc"));
        assertThrows(IllegalArgumentException.class, () -> Topics.partnerNotices("Upper"));
        assertThrows(IllegalArgumentException.class, () -> Topics.partnerNotices("a.replies"));
        assertFalse(Topics.isValidPartnerId("shop-a--crm"), "'--' is reserved for shops' own systems");
        assertFalse(Topics.isValidPartnerId("abc-"));
        assertEquals("shop-a--crm", Topics.ownSystemId("shop-a", "crm"));
    }

    @Test
    void S2_noticeAndReplyTopicsCanNeverBeMistakenForOneAnother() {
        // partner "abc-replies" and partner "abc": their four topics are four different names, each read back as its own
        for (String partner : List.of("abc", "abc-replies", "shop-a--crm", "replies")) {
            String notices = Topics.partnerNotices(partner);
            String replies = Topics.partnerReplies(partner);
            assertEquals(Optional.of(partner), Topics.partnerOfNoticeTopic(notices));
            assertEquals(Optional.empty(), Topics.partnerOfReplyTopic(notices));
            assertEquals(Optional.of(partner), Topics.partnerOfReplyTopic(replies));
            assertEquals(Optional.empty(), Topics.partnerOfNoticeTopic(replies));
            // the services' subscription patterns (Kafka matches the whole name) keep the two apart as well
            assertTrue(notices.matches(Topics.PARTNER_NOTICES_PATTERN) && !notices.matches(Topics.PARTNER_REPLIES_PATTERN));
            assertTrue(replies.matches(Topics.PARTNER_REPLIES_PATTERN) && !replies.matches(Topics.PARTNER_NOTICES_PATTERN));
        }
        assertFalse(Topics.CONSENT.matches(Topics.PARTNER_NOTICES_PATTERN));
    }

    @Test
    void S1_eachChannelAcceptsOnlyItsTypesFromItsSource() {
        CloudEvent keyDestroyed = event(EventTypes.DSR_SUBJECT_KEY_DESTROYED, Channels.DSR_SERVICE);
        assertEquals(Optional.empty(), Channels.DSR.refusal(Topics.DSR, keyDestroyed));
        // the same event on a partner's reply topic, with the partner's source: refused for its type
        CloudEvent forged = event(EventTypes.DSR_SUBJECT_KEY_DESTROYED, Channels.partnerSource("swift-shipping"));
        assertEquals(Optional.of("event type not accepted on channel partner-replies"),
                Channels.PARTNER_REPLIES.refusal(Topics.partnerReplies("swift-shipping"), forged));
        // on the dsr topic, with another source: refused for its source
        assertEquals(Optional.of("source not accepted on channel dsr"), Channels.DSR.refusal(Topics.DSR, forged));
        // a reply is accepted only from the partner the topic belongs to
        CloudEvent reply = event(EventTypes.PARTNER_REPLY, Channels.partnerSource("swift-shipping"));
        assertEquals(Optional.empty(), Channels.PARTNER_REPLIES.refusal(Topics.partnerReplies("swift-shipping"), reply));
        assertEquals(Optional.of("source not accepted on channel partner-replies"),
                Channels.PARTNER_REPLIES.refusal(Topics.partnerReplies("fast-post"), reply));
        assertEquals(Optional.of("topic does not belong to channel partner-replies"),
                Channels.PARTNER_REPLIES.refusal(Topics.partnerNotices("swift-shipping"), reply));
        // notices come from dsr-service only
        assertTrue(Channels.PARTNER_NOTICES.refusal(Topics.partnerNotices("swift-shipping"),
                event(EventTypes.PARTNER_ERASURE, Channels.partnerSource("swift-shipping"))).isPresent());
        assertEquals(Optional.of("event type not accepted on channel consent"),
                Channels.CONSENT.refusal(Topics.CONSENT, event(EventTypes.DSR_COMPLETED, Channels.CONSENT_SERVICE)));
    }

    @Test
    void everyEventTypeBelongsToExactlyOneChannel() throws Exception {
        for (java.lang.reflect.Field f : EventTypes.class.getFields()) {
            if (f.getType() == String.class) {
                String type = (String) f.get(null);
                assertEquals(1, Channels.ALL.stream().filter(c -> c.types().contains(type)).count(), type);
            }
        }
    }

    private static CloudEvent event(String type, String source) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, "e-1", source, type, java.time.Instant.now(), CloudEvent.JSON,
                "shop-a", "key", EventContract.mapper().createObjectNode());
    }
}
