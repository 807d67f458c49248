package dev.consentry.consent.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.consent.Fixtures;
import dev.consentry.events.EventContract;
import dev.consentry.events.Topics;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class ConsentResourceTest {

    @BeforeEach
    void catalogue() {
        Fixtures.purpose("shop-a", "marketing-email", "consent");
        Fixtures.purpose("shop-a", "analytics-cookies", "consent");
        Fixtures.purpose("shop-a", "order-fulfilment", "contract");
    }

    @Test
    void slice_storefrontRecordsConsentAndReadsDecision_eventReachesConsentTopic() {
        String subject = "cust-" + UUID.randomUUID();
        String recordId = given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .body(Fixtures.form(subject, "marketing-email", "given"))
                .when().post("/v1/consents")
                .then().statusCode(201)
                .body("records", hasSize(1))
                .body("records[0].purposeId", equalTo("marketing-email"))
                .extract().path("records[0].recordId");

        given().auth().oauth2(Tokens.storefront("shop-a"))
                .when().get("/v1/subjects/{s}/decisions/marketing-email", subject)
                .then().statusCode(200)
                .body("decision", equalTo("allow"))
                .body("recordId", equalTo(recordId));

        List<JsonNode> events = KafkaTopics.awaitEvents(Topics.CONSENT,
                e -> recordId.equals(e.path("data").path("recordId").asText()), 1);
        assertEquals(1, events.size(), "consent.given event on " + Topics.CONSENT);
        JsonNode event = events.get(0);
        assertEquals("dev.consentry.consent.given.v1", event.get("type").asText());
        assertEquals("shop-a", event.get("tenant").asText());
        assertEquals(List.of(), EventContract.violations(event), "event conforms to the published schema");
        assertFalse(event.toString().contains(subject), "events carry the subject key, never the subject id");
    }

    @Test
    void C1_oneFormWithSeveralPurposesYieldsOneRecordPerPurpose() {
        String subject = "cust-" + UUID.randomUUID();
        Map<String, Object> form = Map.of("subjectId", subject,
                "decisions", List.of(Map.of("purposeId", "marketing-email", "decision", "refused"),
                        Map.of("purposeId", "analytics-cookies", "decision", "given")),
                "method", "checkbox", "channel", "web", "collectionPoint", "cookie-banner");
        given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON).body(form)
                .when().post("/v1/consents")
                .then().statusCode(201).body("records", hasSize(2));

        given().auth().oauth2(Tokens.storefront("shop-a"))
                .get("/v1/subjects/{s}/decisions/marketing-email", subject)
                .then().body("decision", equalTo("deny")).body("reason", equalTo("consent refused"));
        given().auth().oauth2(Tokens.storefront("shop-a"))
                .get("/v1/subjects/{s}/decisions/analytics-cookies", subject)
                .then().body("decision", equalTo("allow"));
    }

    /**
     * A subject's history lists every record in the order it was recorded, whatever its purpose, a page at a time: the
     * records are found through the index of the decision in force (by subject, purpose and recording order), which
     * orders them by purpose first.
     */
    @Test
    void C4_theSubjectsHistoryListsEveryRecordOldestFirstAcrossPurposesAPageAtATime() {
        String subject = "cust-" + UUID.randomUUID();
        List<String> recorded = new java.util.ArrayList<>();
        for (String[] decision : new String[][]{{"marketing-email", "given"}, {"analytics-cookies", "given"},
                {"marketing-email", "withdrawn"}, {"analytics-cookies", "withdrawn"}}) {
            recorded.add(given().auth().oauth2(Tokens.subject("shop-a", subject)).contentType(ContentType.JSON)
                    .body(Fixtures.form(subject, decision[0], decision[1])).post("/v1/consents")
                    .then().statusCode(201).extract().path("records[0].recordId"));
        }
        List<String> firstPage = given().auth().oauth2(Tokens.storefront("shop-a")).queryParam("page", 0)
                .queryParam("size", 3).get("/v1/subjects/{s}/consents", subject)
                .then().statusCode(200).extract().path("recordId");
        List<String> secondPage = given().auth().oauth2(Tokens.storefront("shop-a")).queryParam("page", 1)
                .queryParam("size", 3).get("/v1/subjects/{s}/consents", subject)
                .then().statusCode(200).extract().path("recordId");
        assertEquals(recorded.subList(0, 3), firstPage);
        assertEquals(recorded.subList(3, 4), secondPage);
    }

    @Test
    void C5_contractPurposeIsAllowedWithoutConsent() {
        given().auth().oauth2(Tokens.storefront("shop-a"))
                .get("/v1/subjects/{s}/decisions/order-fulfilment", "cust-" + UUID.randomUUID())
                .then().statusCode(200)
                .body("decision", equalTo("allow"))
                .body("reason", equalTo("legal basis: contract"));
    }

    @Test
    void C6_rightAfterWithdrawalReturnsTheDecisionIsDeny() {
        String subject = "cust-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .body(Fixtures.form(subject, "marketing-email", "given")).post("/v1/consents").then().statusCode(201);
        given().auth().oauth2(Tokens.subject("shop-a", subject)).contentType(ContentType.JSON)
                .body(Fixtures.form(subject, "marketing-email", "withdrawn")).post("/v1/consents").then().statusCode(201);
        given().auth().oauth2(Tokens.storefront("shop-a"))
                .get("/v1/subjects/{s}/decisions/marketing-email", subject)
                .then().body("decision", equalTo("deny")).body("reason", equalTo("consent withdrawn"));
    }

    @Test
    void idempotencyKey_retryReplaysTheFirstAnswerAndWritesOnce() {
        String subject = "cust-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(Fixtures.form(subject, "marketing-email", "given"))
                .post("/v1/consents").then().statusCode(201).extract().path("records[0].recordId");
        String replay = given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(Fixtures.form(subject, "marketing-email", "given"))
                .post("/v1/consents").then().statusCode(201).header("Idempotent-Replayed", "true")
                .extract().path("records[0].recordId");
        assertEquals(first, replay);

        given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(Fixtures.form(subject, "marketing-email", "refused"))
                .post("/v1/consents").then().statusCode(422).contentType("application/problem+json");

        List<JsonNode> events = KafkaTopics.awaitEvents(Topics.CONSENT,
                e -> first.equals(e.path("data").path("recordId").asText()), 2, java.time.Duration.ofSeconds(5));
        assertEquals(1, events.size(), "one record, one event");
    }

    @Test
    void unknownPurposeIs422AndWritesNothing() {
        String subject = "cust-" + UUID.randomUUID();
        Map<String, Object> form = Map.of("subjectId", subject,
                "decisions", List.of(Map.of("purposeId", "marketing-email", "decision", "given"),
                        Map.of("purposeId", "no-such-purpose", "decision", "given")),
                "method", "checkbox", "channel", "web", "collectionPoint", "signup-form");
        given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON).body(form)
                .post("/v1/consents")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://consentry.dev/problems/unknown-purpose"));
        given().auth().oauth2(Tokens.storefront("shop-a"))
                .get("/v1/subjects/{s}/decisions/marketing-email", subject)
                .then().body("decision", equalTo("deny")).body("reason", equalTo("no consent recorded"));
    }
}
