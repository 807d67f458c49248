package dev.consentry.platform.messaging;

import dev.consentry.events.Channels;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.ConsentDecisionData;
import dev.consentry.testkit.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The idempotent consumer every service's consumers use, over the real broker and database: an event delivered twice
 * has its effect once (processed_event), and an event the channel does not allow goes to the dead-letter topic with
 * its reason and never reaches the effect.
 */
@QuarkusTest
class IdempotentConsumerTest {

    private static final String DEAD_LETTERS = "consentry.platform-test.dlq.v1";

    @Inject
    RecordingConsumer consumer;

    @Test
    void aDuplicateDeliveryHasItsEffectOnce() {
        CloudEvent event = consentGiven("/consentry/consent-service");
        KafkaTopics.sendEvent(Topics.CONSENT, event.recordKey(), json(event));
        KafkaTopics.sendEvent(Topics.CONSENT, event.recordKey(), json(event));
        // a later event of the same subject (same partition, same order): once it is applied, both copies were read
        CloudEvent after = consentGiven("/consentry/consent-service", event.subjectkey());
        KafkaTopics.sendEvent(Topics.CONSENT, after.recordKey(), json(after));
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.timesApplied(after.id()) == 1);
        assertEquals(1, consumer.timesApplied(event.id()), "the second delivery changed nothing");
    }

    @Test
    void anEventFromASourceTheChannelDoesNotAllowIsDeadLetteredWithItsReason() {
        CloudEvent forged = consentGiven("/consentry/dsr-service");
        KafkaTopics.sendEvent(Topics.CONSENT, forged.recordKey(), json(forged));
        String reason = KafkaTopics.deadLetterReason(DEAD_LETTERS, forged.id(), Duration.ofSeconds(30));
        assertNotNull(reason, "the refused event is on the dead-letter topic");
        assertTrue(reason.contains("source"), reason);
        assertEquals(0, consumer.timesApplied(forged.id()), "and never reached the effect");
    }

    /**
     * S1 on a busy topic: refused events about subjects arrive in one poll with an accepted one; each is dead-lettered
     * with its reason (their envelopes are sealed one after another, as the consumer's database session allows), the
     * accepted one is applied, and the channel keeps consuming.
     */
    @Test
    void S1_refusedEventsArrivingTogetherAreEachDeadLetteredAndTheChannelGoesOn() {
        String subject = "sk-" + UUID.randomUUID();
        CloudEvent fromDsr = consentGiven("/consentry/dsr-service", subject);
        CloudEvent fromPartner = consentGiven(Channels.partnerSource("ads-co"), subject);
        CloudEvent fromAudit = consentGiven("/consentry/audit-service", subject);
        CloudEvent accepted = consentGiven("/consentry/consent-service", subject);
        KafkaTopics.sendEventsTogether(Topics.CONSENT, accepted.recordKey(),
                List.of(json(fromDsr), json(fromPartner), json(accepted), json(fromAudit)));

        for (CloudEvent refused : List.of(fromDsr, fromPartner, fromAudit)) {
            assertEquals("source not accepted on channel consent",
                    KafkaTopics.deadLetterReason(DEAD_LETTERS, refused.id(), Duration.ofSeconds(30)));
            assertEquals(0, consumer.timesApplied(refused.id()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.timesApplied(accepted.id()) == 1);

        CloudEvent later = consentGiven("/consentry/consent-service");
        KafkaTopics.sendEvent(Topics.CONSENT, later.recordKey(), json(later));
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.timesApplied(later.id()) == 1);
    }

    private static CloudEvent consentGiven(String source) {
        return consentGiven(source, "sk-" + UUID.randomUUID());
    }

    private static CloudEvent consentGiven(String source, String subjectKey) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ConsentDecisionData data = new ConsentDecisionData(UUID.randomUUID().toString(), "marketing-email", "given",
                now, "checkbox", "web", "signup-form", "2026-01", "subject");
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, EventTypes.CONSENT_GIVEN,
                now, CloudEvent.JSON, "shop-a", subjectKey, EventContract.mapper().valueToTree(data));
    }

    private static String json(CloudEvent event) {
        try {
            return EventContract.mapper().writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
