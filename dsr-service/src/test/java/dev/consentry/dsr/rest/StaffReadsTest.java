package dev.consentry.dsr.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.dsr.Fixtures;
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

/** Issue 13, finding 6: a staff member reading a subject's request or disclosures is an audit event (S7, A1). */
@QuarkusTest
class StaffReadsTest {

    @Inject
    SubjectKeys subjectKeys;

    @Test
    void S7_aStaffReadOfARequestOrTheLedgerIsAnnouncedForTheAuditLogAndAMachineReadIsNot() {
        Fixtures.recipient("shop-a", "swift-shipping", "shippingAddress");
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.disclosure("shop-a", subject, "swift-shipping", "shippingAddress");
        String id = given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .body(Fixtures.correction(subject)).post("/v1/requests").then().statusCode(201).extract().path("id");
        String subjectKey = subjectKeys.of("shop-a", subject);

        given().auth().oauth2(Tokens.storefront("shop-a")).get("/v1/requests/{id}", id).then().statusCode(200);
        given().auth().oauth2(Tokens.dpo("shop-a")).get("/v1/requests/{id}", id).then().statusCode(200);
        given().auth().oauth2(Tokens.auditor("shop-a")).get("/v1/subjects/{s}/disclosures", subject).then().statusCode(200);

        List<JsonNode> reads = KafkaTopics.awaitEvents(Topics.DSR,
                e -> EventTypes.DSR_STAFF_ACCESS.equals(e.path("type").asText())
                        && subjectKey.equals(e.path("subjectkey").asText()), 3, Duration.ofSeconds(10));
        assertEquals(2, reads.size(), "the dpo's and the auditor's reads; the storefront's is not staff access");
        assertEquals(List.of(), EventContract.violations(reads.get(0)));
        assertEquals(List.of("dpo-shop-a:dpo:read-request", "auditor-shop-a:auditor:read-disclosures"), reads.stream()
                .map(e -> e.path("data").path("actor").asText() + ":" + e.path("data").path("role").asText() + ":"
                        + e.path("data").path("action").asText()).toList());
    }
}
