package dev.consentry.dsr.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.dsr.Fixtures;
import dev.consentry.dsr.service.DeadlineWatch;
import dev.consentry.events.EventContract;
import dev.consentry.events.Topics;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.platform.vault.SubjectVault;
import io.quarkus.hibernate.reactive.panache.Panache;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R6: erasure notices to every registered recipient, legal holds kept restricted, and a silent recipient escalated. */
@QuarkusTest
class ErasureFlowTest {

    private static final String TENANT = "shop-erase";

    @Inject
    DeadlineWatch watch;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SubjectVault vault;

    @Inject
    SubjectKeys subjectKeys;

    private static void recipient(String id, String... categories) {
        Fixtures.recipient(TENANT, id, categories);
    }

    private static void hold(String category, String reason, String retain) {
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("category", category, "reason", reason, "retain", retain))
                .put("/v1/legal-holds").then().statusCode(200);
    }

    private static JsonNode notice(String recipientId, String requestId) {
        List<JsonNode> found = KafkaTopics.awaitEvents(Topics.partnerNotices(recipientId),
                e -> requestId.equals(e.path("data").path("requestId").asText()), 1);
        assertEquals(1, found.size(), "erasure notice for " + recipientId);
        assertEquals(List.of(), EventContract.violations(found.get(0)));
        return found.get(0).path("data");
    }

    @Test
    void R6_erasureReachesEveryRecipientKeepsHeldDataRestrictedAndASilentRecipientIsEscalated() throws Throwable {
        recipient("crm-db", "name", "email", "phone", "orderHistory");
        recipient("carrier-x", "name", "shippingAddress");
        recipient("fraud-desk", "fraudSignals");
        hold("fraudSignals", "Fraud prevention records are kept for one year", "P1Y");
        hold("orderHistory", "Accounting records (Law on Accounting)", "P10Y");
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.disclosure(TENANT, subject, "carrier-x", "shippingAddress");
        String subjectKey = subjectKeys.of(TENANT, subject);
        assertTrue(VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> vault.existing(TENANT, subjectKey)))
                .isPresent(), "the ledger sealed the subject id under the subject's key");

        JsonPath filed = given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("type", "erasure", "subjectId", subject, "jurisdiction", "VN"))
                .post("/v1/requests").then().statusCode(201)
                .body("status", equalTo("awaiting_partners"))
                .body("notices", hasSize(3))
                .body("retained", hasSize(2))
                .extract().jsonPath();
        String requestId = filed.getString("id");
        Instant receivedAt = Instant.parse(filed.getString("receivedAt"));
        assertEquals(receivedAt.atZone(ZoneOffset.UTC).plusYears(1).toInstant().toString(),
                filed.getString("retained.find { it.category == 'fraudSignals' }.until"), "kept until when");

        JsonNode crm = notice("crm-db", requestId);
        assertEquals("[\"email\",\"name\",\"phone\"]", crm.path("erase").toString());
        assertEquals("orderHistory", crm.path("restrict").path(0).path("category").asText());
        assertEquals(0, notice("fraud-desk", requestId).path("erase").size(), "held data is restricted, not erased");
        notice("carrier-x", requestId);

        Fixtures.reply(TENANT, filed.getString("notices.find { it.recipientId == 'crm-db' }.noticeId"), "crm-db", "completed");
        Fixtures.reply(TENANT, filed.getString("notices.find { it.recipientId == 'carrier-x' }.noticeId"), "carrier-x", "completed");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.dpo(TENANT)).get("/v1/requests/{id}", requestId)
                        .then().body("notices.findAll { it.outcome == 'completed' }", hasSize(2)));

        try (Connection c = dataSource.getConnection(); PreparedStatement late = c.prepareStatement(
                "UPDATE partner_notice SET reply_by = now() - interval '1 hour' WHERE request_id = ?::uuid AND replied_at IS NULL")) {
            late.setString(1, requestId);
            assertEquals(1, late.executeUpdate());
        }
        VertxContextSupport.subscribeAndAwait(() -> watch.checkOnce());

        given().auth().oauth2(Tokens.dpo(TENANT)).get("/v1/requests/{id}", requestId)
                .then().body("status", equalTo("partially_completed"));
        List<JsonNode> escalation = KafkaTopics.awaitEvents(Topics.DSR,
                e -> requestId.equals(e.path("data").path("requestId").asText())
                        && e.path("type").asText().endsWith(".partner-overdue.v1"), 1);
        assertEquals("fraud-desk", escalation.get(0).path("data").path("recipientId").asText());

        // Consentry's own copies are destroyed with the key; the ledger rows stay, their sealed ids no longer open
        assertTrue(VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> vault.existing(TENANT, subjectKey)))
                .isEmpty(), "the subject's data key is destroyed");
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT subject_id_sealed FROM disclosure WHERE tenant = ? AND subject_key = ?")) {
            q.setString(1, TENANT);
            q.setString(2, subjectKey);
            ResultSet rs = q.executeQuery();
            assertTrue(rs.next(), "the ledger row remains");
            assertFalse(rs.getString(1).contains(subject), "only the sealed form was ever stored");
        }
        KafkaTopics.awaitEvents(Topics.DSR, e -> requestId.equals(e.path("data").path("requestId").asText())
                && e.path("type").asText().equals("dev.consentry.dsr.subject-key-destroyed.v1"), 1);

        // what a legal hold keeps stays restricted until its date
        given().auth().oauth2(Tokens.storefront(TENANT)).queryParam("subjectId", subject).get("/v1/restrictions")
                .then().statusCode(200)
                .body("restricted.findAll { it.reason == 'legal_hold' }.category",
                        org.hamcrest.Matchers.containsInAnyOrder("fraudSignals", "orderHistory"));
    }

    @Test
    void legalHoldsAreTheDposAndAPeriodIsRequired() {
        given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("category", "x", "reason", "y", "retain", "P1Y")).put("/v1/legal-holds").then().statusCode(403);
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("category", "x", "reason", "y", "retain", "forever")).put("/v1/legal-holds").then().statusCode(400);
        given().auth().oauth2(Tokens.auditor("shop-other")).get("/v1/legal-holds").then().statusCode(200).body("$", hasSize(0));
    }
}
