package dev.consentry.dsr.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.dsr.Fixtures;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.ConsentDecisionData;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.testkit.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** C6: a withdrawal made in consent-service reaches every recipient that received the data for that purpose. */
@QuarkusTest
class ConsentWithdrawalSignalTest {

    private static final String TENANT = "shop-signal";

    @Inject
    SubjectKeys subjectKeys;

    /** Sends the event and returns it as it went on the topic, to send it again. */
    private CloudEvent consentEvent(String type, String subject, String purpose, String decision) throws Exception {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                "/consentry/consent-service", type, Instant.now(), CloudEvent.JSON, TENANT,
                subjectKeys.of(TENANT, subject), EventContract.mapper().valueToTree(new ConsentDecisionData(
                UUID.randomUUID().toString(), purpose, decision, Instant.now(), "banner", "web", "checkout", "3",
                "subject")));
        KafkaTopics.sendEvent(Topics.CONSENT, event.recordKey(), EventContract.mapper().writeValueAsString(event));
        return event;
    }

    @Test
    void C6_R1_aWithdrawalInConsentServiceBecomesNoticesToTheRecipientsOfThatPurpose() throws Exception {
        Fixtures.recipientFor(TENANT, "ad-network", List.of("ad-sharing"), "email");
        Fixtures.recipientFor(TENANT, "analytics-co", List.of("analytics-cookies"), "email");
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.disclosure(TENANT, subject, "ad-network", "email");
        Fixtures.disclosure(TENANT, subject, "analytics-co", "email");

        consentEvent(EventTypes.CONSENT_WITHDRAWN, subject, "ad-sharing", "withdrawn");

        JsonNode notice = KafkaTopics.awaitEvents(Topics.partnerNotices("ad-network"),
                e -> subject.equals(e.path("data").path("subjectId").asText()), 1).get(0);
        assertEquals(EventTypes.PARTNER_CONSENT_WITHDRAWN, notice.path("type").asText());
        assertEquals(List.of(), EventContract.violations(notice));
        assertEquals("consent_withdrawal", notice.path("data").path("cause").asText());
        assertEquals("ad-sharing", notice.path("data").path("purposes").path(0).asText());
        assertTrue(KafkaTopics.await(Topics.partnerNotices("analytics-co"), r -> r.value().contains(subject), 1,
                Duration.ofSeconds(2)).isEmpty(), "a recipient processing for another purpose is not told");
    }

    @Test
    void C6_aSubjectWhoseDataWentNowhereCausesNoNotice() throws Exception {
        Fixtures.recipientFor(TENANT, "ad-network", List.of("ad-sharing"), "email");
        String subject = "cust-" + UUID.randomUUID();
        consentEvent(EventTypes.CONSENT_WITHDRAWN, subject, "ad-sharing", "withdrawn");
        // a later event on the same topic shows the first was consumed before we look
        String other = "cust-" + UUID.randomUUID();
        Fixtures.disclosure(TENANT, other, "ad-network", "email");
        consentEvent(EventTypes.CONSENT_WITHDRAWN, other, "ad-sharing", "withdrawn");
        KafkaTopics.awaitEvents(Topics.partnerNotices("ad-network"), e -> other.equals(e.path("data").path("subjectId").asText()), 1);
        assertTrue(KafkaTopics.await(Topics.partnerNotices("ad-network"), r -> r.value().contains(subject), 1,
                Duration.ofSeconds(1)).isEmpty());
    }

    @Test
    void C6_aWithdrawalDeliveredTwiceIsPassedOnOnce() throws Exception {
        Fixtures.recipientFor(TENANT, "ad-network", List.of("ad-sharing"), "email");
        Fixtures.recipientFor(TENANT, "analytics-co", List.of("analytics-cookies"), "email");
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.disclosure(TENANT, subject, "ad-network", "email");
        Fixtures.disclosure(TENANT, subject, "analytics-co", "email");
        CloudEvent withdrawal = consentEvent(EventTypes.CONSENT_WITHDRAWN, subject, "ad-sharing", "withdrawn");
        KafkaTopics.awaitEvents(Topics.partnerNotices("ad-network"), e -> subject.equals(e.path("data").path("subjectId").asText()), 1);

        // the relay publishes at least once: the same event again, in a later poll
        KafkaTopics.sendEvent(Topics.CONSENT, withdrawal.recordKey(), EventContract.mapper().writeValueAsString(withdrawal));
        // the subject's next event (same key, so after it on the same partition) shows the repeat was consumed
        consentEvent(EventTypes.CONSENT_WITHDRAWN, subject, "analytics-cookies", "withdrawn");
        KafkaTopics.awaitEvents(Topics.partnerNotices("analytics-co"), e -> subject.equals(e.path("data").path("subjectId").asText()), 1);
        assertEquals(1, KafkaTopics.await(Topics.partnerNotices("ad-network"), r -> r.value().contains(subject), 2,
                Duration.ofSeconds(2)).size(), "the withdrawal delivered again sends no second notice");
    }
}
