package dev.consentry.consent.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.consent.Fixtures;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 13, finding 6: a staff member reading a subject's consent history is an audit event (S7, A1). */
@QuarkusTest
class StaffReadsTest {

    @Inject
    SubjectKeys subjectKeys;

    @Test
    void S7_aStaffReadOfTheConsentHistoryIsAnnouncedAndTheSubjectsOwnReadIsNot() {
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.purpose("shop-a", "marketing-email", "consent");
        given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .body(Fixtures.form(subject, "marketing-email", "given")).post("/v1/consents").then().statusCode(201);

        given().auth().oauth2(Tokens.subject("shop-a", subject)).get("/v1/subjects/{s}/consents", subject).then().statusCode(200);
        given().auth().oauth2(Tokens.auditor("shop-a")).get("/v1/subjects/{s}/consents", subject).then().statusCode(200);

        String subjectKey = subjectKeys.of("shop-a", subject);
        List<JsonNode> reads = KafkaTopics.awaitEvents(Topics.CONSENT,
                e -> EventTypes.CONSENT_STAFF_ACCESS.equals(e.path("type").asText())
                        && subjectKey.equals(e.path("subjectkey").asText()), 2, Duration.ofSeconds(10));
        assertEquals(1, reads.size(), "the auditor's read only");
        assertEquals(List.of(), EventContract.violations(reads.get(0)));
        assertEquals("auditor-shop-a", reads.get(0).path("data").path("actor").asText());
        assertEquals("read-consent-history", reads.get(0).path("data").path("action").asText());
    }
}
