package dev.consentry.dsr.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.dsr.Fixtures;
import dev.consentry.events.EventContract;
import dev.consentry.events.Topics;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** R3 and R5: overdue requests and unanswered notices are visible and raise their events once. */
@QuarkusTest
class DeadlineWatchTest {

    @Inject
    DeadlineWatch watch;

    @Inject
    AgroalDataSource dataSource;

    /** Moves the request's due date and its notices' reply dates into the past, as time passing would. */
    private void timePasses(String requestId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement due = c.prepareStatement("UPDATE dsr_request SET due_at = ? WHERE id = ?::uuid");
             PreparedStatement reply = c.prepareStatement("UPDATE partner_notice SET reply_by = ? WHERE request_id = ?::uuid")) {
            java.sql.Timestamp past = java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(1)));
            due.setTimestamp(1, past);
            due.setString(2, requestId);
            due.executeUpdate();
            reply.setTimestamp(1, past);
            reply.setString(2, requestId);
            reply.executeUpdate();
        }
    }

    @Test
    void R3_R5_overdueRequestAndSilentRecipientRaiseTheirEventsOnceAndShowInTheQueue() throws Throwable {
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.recipient("shop-a", "swift-shipping", "shippingAddress");
        Fixtures.disclosure("shop-a", subject, "swift-shipping", "shippingAddress");
        JsonPath filed = given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .body(Fixtures.correction(subject)).post("/v1/requests").then().statusCode(201).extract().jsonPath();
        String requestId = filed.getString("id");
        timePasses(requestId);
        // Overdue requests head the privacy officer's queue.
        given().auth().oauth2(Tokens.dpo("shop-a")).queryParam("dueBefore", Instant.now().toString())
                .get("/v1/requests").then().statusCode(200).body("id", hasItem(requestId));

        VertxContextSupport.subscribeAndAwait(() -> watch.checkOnce());
        VertxContextSupport.subscribeAndAwait(() -> watch.checkOnce());

        List<JsonNode> overdue = KafkaTopics.awaitEvents(Topics.DSR,
                e -> requestId.equals(e.path("data").path("requestId").asText())
                        && e.path("type").asText().endsWith(".overdue.v1"), 2, Duration.ofSeconds(10));
        assertEquals(1, overdue.size(), "overdue raised once");
        assertEquals(List.of(), EventContract.violations(overdue.get(0)));
        List<JsonNode> escalations = KafkaTopics.awaitEvents(Topics.DSR,
                e -> requestId.equals(e.path("data").path("requestId").asText())
                        && e.path("type").asText().endsWith(".partner-overdue.v1"), 2, Duration.ofSeconds(5));
        assertEquals(1, escalations.size(), "the silent recipient is escalated once");
        assertEquals("swift-shipping", escalations.get(0).path("data").path("recipientId").asText());
        // Its only recipient stayed silent: the request is closed as partially completed, and leaves the queue.
        given().auth().oauth2(Tokens.dpo("shop-a")).get("/v1/requests/{id}", requestId)
                .then().body("status", org.hamcrest.Matchers.equalTo("partially_completed"));

        given().auth().oauth2(Tokens.dpo("shop-b")).get("/v1/requests").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem(requestId)));
        given().auth().oauth2(Tokens.storefront("shop-a")).get("/v1/requests").then().statusCode(403);
        given().auth().oauth2(Tokens.dpo("shop-a")).queryParam("dueBefore", "soon").get("/v1/requests")
                .then().statusCode(400);
    }
}
