package dev.consentry.dsr.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.dsr.Fixtures;
import dev.consentry.events.EventContract;
import dev.consentry.events.Topics;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The correction slice over the real broker and database: notice out, reply in, request completed. */
@QuarkusTest
class CorrectionFlowTest {

    @BeforeEach
    void registry() {
        Fixtures.recipient("shop-a", "swift-shipping", "shippingAddress", "phone");
        Fixtures.recipient("shop-a", "fast-post", "shippingAddress");
        Fixtures.recipient("shop-a", "mail-blaster", "email");
    }

    /** The ledger of a subject: the carrier got the address, the mailer the e-mail; fast-post never got anything. */
    private static void ledger(String subject) {
        Fixtures.disclosure("shop-a", subject, "swift-shipping", "shippingAddress", "name");
        Fixtures.disclosure("shop-a", subject, "mail-blaster", "email");
    }

    @Test
    void R4_R5_correctionReachesExactlyTheRecipientsInTheLedgerAndCompletesWhenTheyAcknowledge() throws IOException {
        String subject = "cust-" + UUID.randomUUID();
        ledger(subject);
        JsonPath filed = given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .body(Fixtures.correction(subject))
                .when().post("/v1/requests")
                .then().statusCode(201)
                .body("status", equalTo("awaiting_partners"))
                .body("acknowledgeBy", org.hamcrest.Matchers.notNullValue())
                .body("notices", hasSize(1))
                .body("notices[0].recipientId", equalTo("swift-shipping"))
                .extract().jsonPath();
        String requestId = filed.getString("id");
        String noticeId = filed.getString("notices[0].noticeId");

        List<JsonNode> notices = KafkaTopics.awaitEvents(Topics.partnerNotices("swift-shipping"),
                e -> noticeId.equals(e.path("data").path("noticeId").asText()), 1);
        assertEquals(1, notices.size(), "correction notice on the recipient's topic");
        JsonNode notice = notices.get(0);
        assertEquals(List.of(), EventContract.violations(notice));
        assertEquals(subject, notice.path("data").path("subjectId").asText());
        assertEquals("/shippingAddress", notice.path("data").path("changes").path(0).path("path").asText());
        assertEquals(Fixtures.OLD_ADDRESS, notice.path("data").path("changes").path(0).path("oldValue").asText());
        assertEquals(Fixtures.NEW_ADDRESS, notice.path("data").path("changes").path(0).path("newValue").asText());
        assertTrue(KafkaTopics.await(Topics.partnerNotices("mail-blaster"),
                r -> r.value().contains(requestId), 1, Duration.ofSeconds(2)).isEmpty(),
                "a recipient that never received the field gets no notice");
        assertTrue(KafkaTopics.await(Topics.partnerNotices("fast-post"),
                r -> r.value().contains(requestId), 1, Duration.ofSeconds(2)).isEmpty(),
                "a recipient that could hold the field, but never received this subject's, gets no notice");

        Fixtures.reply("shop-a", noticeId, "swift-shipping", "completed");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.storefront("shop-a")).get("/v1/requests/{id}", requestId)
                        .then().statusCode(200)
                        .body("status", equalTo("completed"))
                        .body("notices[0].outcome", equalTo("completed")));

        List<JsonNode> lifecycle = KafkaTopics.awaitEvents(Topics.DSR,
                e -> requestId.equals(e.path("data").path("requestId").asText()), 5);
        List<JsonNode> disclosures = KafkaTopics.awaitEvents(Topics.DSR,
                e -> "dev.consentry.dsr.disclosure-recorded.v1".equals(e.path("type").asText())
                        && "swift-shipping".equals(e.path("data").path("recipientId").asText()), 1);
        assertEquals(List.of(), EventContract.violations(disclosures.get(0)), "disclosure event conforms");
        assertEquals(List.of("dev.consentry.dsr.received.v1", "dev.consentry.dsr.verified.v1",
                        "dev.consentry.dsr.partner-notified.v1", "dev.consentry.dsr.partner-replied.v1",
                        "dev.consentry.dsr.completed.v1"),
                lifecycle.stream().map(e -> e.get("type").asText()).toList(), "every step announced, in order");
        lifecycle.forEach(e -> {
            assertEquals(List.of(), EventContract.violations(e));
            assertFalse(e.toString().contains(subject), "lifecycle events carry the subject key only");
            assertFalse(e.toString().contains("Nguyen Hue"), "lifecycle events carry no personal values");
        });

        String log = Files.readString(Path.of("target/test-service.log"));
        assertFalse(log.contains("Nguyen Hue") || log.contains("Le Loi"), "no address in the service log");
        assertFalse(log.contains(subject), "no subject id in the service log");
    }

    @Test
    void redeliveredReplyHasNoSecondEffect() {
        String subject = "cust-" + UUID.randomUUID();
        ledger(subject);
        JsonPath filed = given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .body(Fixtures.correction(subject)).post("/v1/requests").then().statusCode(201).extract().jsonPath();
        String requestId = filed.getString("id");
        String noticeId = filed.getString("notices[0].noticeId");

        String eventId = UUID.randomUUID().toString();
        Fixtures.replyWithId(eventId, "shop-a", noticeId, "swift-shipping", "completed");
        Fixtures.replyWithId(eventId, "shop-a", noticeId, "swift-shipping", "completed");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.dpo("shop-a")).get("/v1/requests/{id}", requestId)
                        .then().body("status", equalTo("completed")));
        List<JsonNode> replied = KafkaTopics.awaitEvents(Topics.DSR,
                e -> requestId.equals(e.path("data").path("requestId").asText())
                        && e.get("type").asText().endsWith("partner-replied.v1"), 2, Duration.ofSeconds(5));
        assertEquals(1, replied.size(), "one partner-replied event for a redelivered reply");
    }

    @Test
    void replyToAnUnknownNoticeOrFromTheWrongRecipientIsDeadLettered() {
        String unknownNotice = UUID.randomUUID().toString();
        String toNothing = Fixtures.reply("shop-a", unknownNotice, "swift-shipping", "completed");
        assertEquals("reply to a notice this tenant never sent",
                KafkaTopics.deadLetterReason("consentry.dsr-service.dlq.v1", toNothing, Duration.ofSeconds(30)));

        String subject = "cust-" + UUID.randomUUID();
        ledger(subject);
        String noticeId = given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .body(Fixtures.correction(subject)).post("/v1/requests").then().statusCode(201)
                .extract().path("notices[0].noticeId");
        String wrongPartner = Fixtures.reply("shop-a", noticeId, "mail-blaster", "completed");
        assertEquals("reply to a notice sent to another partner",
                KafkaTopics.deadLetterReason("consentry.dsr-service.dlq.v1", wrongPartner, Duration.ofSeconds(30)));
        String wrongTenant = Fixtures.reply("shop-b", noticeId, "swift-shipping", "completed");
        assertEquals("reply to a notice this tenant never sent",
                KafkaTopics.deadLetterReason("consentry.dsr-service.dlq.v1", wrongTenant, Duration.ofSeconds(30)),
                "another tenant cannot answer shop-a's notice");
    }
}
