package dev.consentry.audit.messaging;

import dev.consentry.audit.TestEvents;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.Topics;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Events arrive through the real broker and are appended once; poison records go to the dead-letter topic. */
@QuarkusTest
class AuditedEventsConsumerTest {

    @Inject
    SubjectKeys subjectKeys;

    @Test
    void consentEventIsAppendedAndServedToTheTenantsAuditorOnly() {
        String subject = "cust-" + UUID.randomUUID();
        CloudEvent event = TestEvents.consentGiven("shop-a", subjectKeys.of("shop-a", subject));
        KafkaTopics.sendEvent(Topics.CONSENT, event.recordKey(), TestEvents.json(event));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.auditor("shop-a"))
                        .queryParam("type", "dev.consentry.consent.given.v1")
                        .get("/v1/audit/subjects/{s}/entries", subject)
                        .then().statusCode(200)
                        .body("entries", hasSize(1))
                        .body("entries[0].eventId", equalTo(event.id()))
                        .body("entries[0].type", equalTo("dev.consentry.consent.given.v1")));

        given().auth().oauth2(Tokens.auditor("shop-b"))
                .get("/v1/audit/subjects/{s}/entries", subject)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void redeliveredEventProducesOneEntry() {
        String subject = "cust-" + UUID.randomUUID();
        String subjectKey = subjectKeys.of("shop-a", subject);
        CloudEvent event = TestEvents.consentGiven("shop-a", subjectKey);
        KafkaTopics.sendEvent(Topics.CONSENT, event.recordKey(), TestEvents.json(event));
        KafkaTopics.sendEvent(Topics.CONSENT, event.recordKey(), TestEvents.json(event));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.subject("shop-a", subject))
                        .get("/v1/audit/subjects/{s}/entries", subject)
                        .then().statusCode(200).body("entries", hasSize(1)));
        // a third copy, in a later poll than the logged one: the log's unique key refuses it, the rest is logged
        KafkaTopics.sendEvent(Topics.CONSENT, event.recordKey(), TestEvents.json(event));
        // Same key, same partition: once this later event is logged, every copy above has been consumed.
        CloudEvent later = TestEvents.consentGiven("shop-a", subjectKey);
        KafkaTopics.sendEvent(Topics.CONSENT, later.recordKey(), TestEvents.json(later));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.subject("shop-a", subject))
                        .get("/v1/audit/subjects/{s}/entries", subject)
                        .then().statusCode(200)
                        .body("entries", hasSize(2))
                        .body("entries[0].eventId", equalTo(event.id()))
                        .body("entries[1].eventId", equalTo(later.id())));
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicWithAReasonAndTheConsumerKeepsGoing() throws Exception {
        String marker = "not-a-cloud-event-" + UUID.randomUUID();
        String poison = "{\"hello\": \"" + marker + "\"}";
        KafkaTopics.send(Topics.CONSENT, "shop-a/poison", poison);

        // what is not a CloudEvent cannot be tied to a subject an erasure could reach: only its fingerprint is kept
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(poison.getBytes(StandardCharsets.UTF_8)));
        List<ConsumerRecord<String, String>> dead = KafkaTopics.await("consentry.audit-service.dlq.v1",
                r -> r.value() != null && r.value().contains(sha256), 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size(), "poison record on the dead-letter topic");
        assertFalse(dead.get(0).value().contains(marker), "its value is not kept");
        Header reason = dead.get(0).headers().lastHeader("dead-letter-reason");
        assertNotNull(reason, "dead-letter reason header");
        String why = new String(reason.value(), StandardCharsets.UTF_8);
        assertEquals("unsupported specversion", why, "the reason names what is wrong");
        assertFalse(why.contains(marker), "the reason never echoes the record's values");

        String subject = "cust-" + UUID.randomUUID();
        CloudEvent after = TestEvents.consentGiven("shop-a", subjectKeys.of("shop-a", subject));
        KafkaTopics.sendEvent(Topics.CONSENT, after.recordKey(), TestEvents.json(after));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.subject("shop-a", subject))
                        .get("/v1/audit/subjects/{s}/entries", subject)
                        .then().statusCode(200).body("entries", hasSize(1)));
    }

    @Test
    void eventTheLogRefusesIsDeadLetteredAloneAndTheRestOfItsBatchIsLogged() {
        String subject = "cust-" + UUID.randomUUID();
        String subjectKey = subjectKeys.of("shop-a", subject);
        CloudEvent before = TestEvents.consentGiven("shop-a", subjectKey);
        CloudEvent foreign = TestEvents.event("shop-a", subjectKey, "com.example.not-ours.v1",
                java.util.Map.of("note", "valid CloudEvent, but not a Consentry event"));
        CloudEvent after = TestEvents.consentGiven("shop-a", subjectKey);
        // one key, one partition: the three usually arrive in one poll, so the batch's transaction fails as a whole
        for (CloudEvent e : List.of(before, foreign, after)) {
            KafkaTopics.sendEvent(Topics.CONSENT, e.recordKey(), TestEvents.json(e));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.subject("shop-a", subject))
                        .get("/v1/audit/subjects/{s}/entries", subject)
                        .then().statusCode(200)
                        .body("entries", hasSize(2))
                        .body("entries[0].eventId", equalTo(before.id()))
                        .body("entries[1].eventId", equalTo(after.id())));
        List<ConsumerRecord<String, String>> dead = KafkaTopics.await("consentry.audit-service.dlq.v1",
                r -> r.value() != null && r.value().contains(foreign.id()), 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size(), "only the refused event is dead-lettered");
    }
}
