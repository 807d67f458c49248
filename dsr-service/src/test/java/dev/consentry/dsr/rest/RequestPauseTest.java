package dev.consentry.dsr.rest;

import dev.consentry.dsr.Fixtures;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R3: the clock stands still while the request waits for the subject. */
@QuarkusTest
class RequestPauseTest {

    @Test
    void R3_pauseWhileWaitingForTheSubjectMovesTheDueDateByTheTimePaused() throws InterruptedException {
        String dpo = Tokens.dpo("shop-pause");
        Fixtures.recipient("shop-pause", "crm-db", "email");
        String id = given().auth().oauth2(Tokens.storefront("shop-pause")).contentType(ContentType.JSON)
                .body(Map.of("type", "erasure", "subjectId", "cust-" + UUID.randomUUID(), "jurisdiction", "KR"))
                .post("/v1/requests").then().statusCode(201).extract().path("id");
        Instant due = Instant.parse(given().auth().oauth2(dpo).get("/v1/requests/{id}", id).then().extract().path("dueAt"));

        given().auth().oauth2(dpo).contentType(ContentType.JSON).body(Map.of("reason", "awaiting_subject_information"))
                .post("/v1/requests/{id}/pause", id).then().statusCode(200).body("pausedSince", notNullValue());
        given().auth().oauth2(dpo).contentType(ContentType.JSON).body(Map.of("reason", "awaiting_subject_information"))
                .post("/v1/requests/{id}/pause", id).then().statusCode(409);
        Thread.sleep(1_000);
        Instant resumedDue = Instant.parse(given().auth().oauth2(dpo).post("/v1/requests/{id}/resume", id)
                .then().statusCode(200).extract().path("dueAt"));

        Duration moved = Duration.between(due, resumedDue);
        assertTrue(moved.compareTo(Duration.ofSeconds(1)) >= 0 && moved.compareTo(Duration.ofSeconds(30)) < 0,
                "due date moved by the time paused: " + moved);
        given().auth().oauth2(dpo).post("/v1/requests/{id}/resume", id).then().statusCode(409);
        given().auth().oauth2(Tokens.storefront("shop-pause")).contentType(ContentType.JSON)
                .body(Map.of("reason", "awaiting_identity_proof")).post("/v1/requests/{id}/pause", id).then().statusCode(403);
        given().auth().oauth2(dpo).contentType(ContentType.JSON).body(Map.of("reason", "lunch"))
                .post("/v1/requests/{id}/pause", id).then().statusCode(400);
    }
}
