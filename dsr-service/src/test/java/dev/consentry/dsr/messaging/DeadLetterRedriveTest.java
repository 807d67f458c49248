package dev.consentry.dsr.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.dsr.Fixtures;
import dev.consentry.dsr.MovableClock;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.ConsentDecisionData;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operations: a dead letter is no dead end. The platform admin lists dsr-service's dead letters with their reasons and,
 * once the cause is gone, re-drives them into the consumer that refused them — applied once, however often re-driven,
 * and each attempt in the tenant's audit trail.
 */
@QuarkusTest
class DeadLetterRedriveTest {

    private static final String TENANT = "shop-redrive";
    private static final String DLQ = "consentry.dsr-service.dlq.v1";
    private static final String FUTURE = "consent decision dated in the future";

    @Inject
    SubjectKeys subjectKeys;

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A withdrawal stamped by a consent-service whose clock ran an hour ahead: refused as dated in the future. */
    private String withdrawalFromTheFuture(String subject) throws Exception {
        Instant ahead = clock.instant().plus(Duration.ofHours(1));
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                "/consentry/consent-service", EventTypes.CONSENT_WITHDRAWN, ahead, CloudEvent.JSON, TENANT,
                subjectKeys.of(TENANT, subject), EventContract.mapper().valueToTree(new ConsentDecisionData(
                UUID.randomUUID().toString(), "ad-sharing", "withdrawn", ahead, "banner", "web", "checkout", "3",
                "subject")));
        KafkaTopics.sendEvent(Topics.CONSENT, event.recordKey(), EventContract.mapper().writeValueAsString(event));
        assertEquals(FUTURE, KafkaTopics.deadLetterReason(DLQ, event.id(), Duration.ofSeconds(30)));
        return event.id();
    }

    private static JsonPath deadLetters(String reason) {
        return given().auth().oauth2(Tokens.platformAdmin()).queryParam("reason", reason).get("/v1/dead-letters")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> redrive(Map<String, Object> selection) {
        return given().auth().oauth2(Tokens.platformAdmin()).contentType(ContentType.JSON).body(selection)
                .post("/v1/dead-letters/redrive").then().statusCode(200).extract().jsonPath().getList("attempts");
    }

    @Test
    void ops_aDeadLetterIsReDrivenOnceAfterItsCauseIsFixedAndTheAttemptIsAudited() throws Exception {
        String recipient = "ads-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.recipientFor(TENANT, recipient, List.of("ad-sharing"), "email");
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.disclosure(TENANT, subject, recipient, "email");
        String eventId = withdrawalFromTheFuture(subject);

        Map<String, Object> letter = deadLetters(FUTURE).<Map<String, Object>>getList("deadLetters").stream()
                .filter(d -> eventId.equals(d.get("eventId"))).findFirst().orElseThrow();
        assertEquals("consent", letter.get("channel"));
        assertEquals(Topics.CONSENT, letter.get("topic"));
        assertEquals(EventTypes.CONSENT_WITHDRAWN, letter.get("type"));
        assertEquals(TENANT, letter.get("tenant"));
        assertEquals(true, letter.get("redrivable"));
        assertEquals(false, letter.get("applied"));
        assertFalse(letter.toString().contains(subject), "the listing never shows the record's personal values");

        // re-driven while the cause is still there: refused again, nothing happens
        List<Map<String, Object>> early = redrive(Map.of("ids", List.of(letter.get("id"))));
        assertEquals("REFUSED", early.get(0).get("outcome"));
        assertEquals(FUTURE, early.get(0).get("detail"));
        assertTrue(KafkaTopics.await(Topics.partnerNotices(recipient), r -> r.value().contains(subject), 1,
                Duration.ofSeconds(2)).isEmpty());

        // the hour has passed: the withdrawal is applied and passed on to the recipient, once
        clock.advance(Duration.ofHours(2));
        List<Map<String, Object>> attempt = redrive(Map.of("ids", List.of(letter.get("id"))));
        assertEquals("APPLIED", attempt.get(0).get("outcome"));
        assertEquals(eventId, attempt.get(0).get("eventId"));
        JsonNode notice = KafkaTopics.awaitEvents(Topics.partnerNotices(recipient),
                e -> subject.equals(e.path("data").path("subjectId").asText()), 1).get(0);
        assertEquals(EventTypes.PARTNER_CONSENT_WITHDRAWN, notice.path("type").asText());

        // again, by id and by reason: no second effect
        assertEquals("ALREADY_APPLIED", redrive(Map.of("ids", List.of(letter.get("id")))).get(0).get("outcome"));
        assertTrue(redrive(Map.of("reason", FUTURE)).stream().filter(a -> eventId.equals(a.get("eventId")))
                .allMatch(a -> "ALREADY_APPLIED".equals(a.get("outcome"))));
        assertEquals(1, KafkaTopics.await(Topics.partnerNotices(recipient), r -> r.value().contains(subject), 2,
                Duration.ofSeconds(3)).size(), "the recipient is told once");
        assertEquals(true, deadLetters(FUTURE).<Map<String, Object>>getList("deadLetters").stream()
                .filter(d -> eventId.equals(d.get("eventId"))).findFirst().orElseThrow().get("applied"));

        // every attempt is the platform admin's action in the tenant's audit trail
        List<JsonNode> audited = KafkaTopics.awaitEvents(Topics.DSR,
                e -> EventTypes.DSR_STAFF_ACCESS.equals(e.path("type").asText()) && TENANT.equals(e.path("tenant").asText())
                        && "redrive-dead-letter".equals(e.path("data").path("action").asText()), 4);
        assertEquals(4, audited.size(), "refused, applied, already applied twice");
        assertTrue(audited.stream().allMatch(e -> "platform-admin".equals(e.path("data").path("role").asText())
                && EventContract.violations(e).isEmpty()));
    }

    @Test
    void ops_whatWasKeptOnlyAsAFingerprintIsListedButCannotBeReDriven() throws Exception {
        String garbage = "not an event " + UUID.randomUUID();
        KafkaTopics.send(Topics.CONSENT, TENANT, garbage);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(garbage.getBytes(StandardCharsets.UTF_8)));
        String reason = KafkaTopics.deadLetterReason(DLQ, sha256, Duration.ofSeconds(30));
        assertNotNull(reason);
        Map<String, Object> letter = deadLetters(reason).<Map<String, Object>>getList("deadLetters").stream()
                .filter(d -> d.get("eventId") == null).reduce((a, b) -> b).orElseThrow();
        assertEquals(false, letter.get("redrivable"));
        assertTrue(String.valueOf(letter.get("note")).startsWith("only a fingerprint was kept"));
        assertEquals("NOT_REDRIVABLE", redrive(Map.of("ids", List.of(letter.get("id")))).get(0).get("outcome"));
        assertEquals("NOT_FOUND", redrive(Map.of("ids", List.of("0-999999999"))).get(0).get("outcome"));
    }

    @Test
    void ops_onlyThePlatformAdminListsOrReDrivesAndABadSelectionIsAProblem() {
        given().auth().oauth2(Tokens.dpo(TENANT)).get("/v1/dead-letters").then().statusCode(403);
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON).body(Map.of("ids", List.of("0-1")))
                .post("/v1/dead-letters/redrive").then().statusCode(403);
        given().auth().oauth2(Tokens.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("ids", List.of("0-1"), "reason", "x"))
                .post("/v1/dead-letters/redrive").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://consentry.dev/problems/selection"));
        given().auth().oauth2(Tokens.platformAdmin()).contentType(ContentType.JSON).body(Map.of("ids", List.of("x")))
                .post("/v1/dead-letters/redrive").then().statusCode(400).contentType("application/problem+json");
    }
}
