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

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** C2, C3, C4, C6 and C11 over the real database and broker. */
@QuarkusTest
class ConsentRequirementsTest {

    private static final String NOTICE_HASH = "a".repeat(64);
    private final String subject = "cust-" + UUID.randomUUID();
    private final String storefront = Tokens.storefront("shop-a");

    @BeforeEach
    void catalogue() {
        Fixtures.purpose("shop-a", "marketing-email", "consent");
        Fixtures.purpose("shop-a", "analytics-cookies", "consent",
                Map.of("consentModeTypes", List.of("analytics_storage"), "dataCategories", List.of("browsingHistory")));
        Fixtures.purpose("shop-a", "ad-sharing", "consent", Map.of("saleOrSharing", true,
                "consentModeTypes", List.of("ad_storage", "ad_user_data", "ad_personalization")));
    }

    private Map<String, Object> form(String purposeId, String decision, Map<String, Object> extra) {
        Map<String, Object> form = new HashMap<>(Fixtures.form(subject, purposeId, decision));
        form.putAll(extra);
        return form;
    }

    private void record(String purposeId, String decision) {
        given().auth().oauth2(storefront).contentType(ContentType.JSON).body(form(purposeId, decision, Map.of()))
                .post("/v1/consents").then().statusCode(201);
    }

    private String decision(String purposeId) {
        return given().auth().oauth2(storefront).get("/v1/subjects/{s}/decisions/{p}", subject, purposeId)
                .then().statusCode(200).extract().path("decision");
    }

    @Test
    void C2_preTickedBoxIsNotConsentAndWritesNothing() {
        given().auth().oauth2(storefront).contentType(ContentType.JSON)
                .body(form("marketing-email", "given", Map.of("preChecked", true)))
                .post("/v1/consents").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://consentry.dev/problems/pre-checked-box"));
        given().auth().oauth2(storefront).get("/v1/subjects/{s}/consents", subject).then().body("$", empty());
    }

    @Test
    void C2_silenceContinuedUseOrTimeoutIsNotAnAffirmativeAct() {
        for (String method : List.of("silence", "continued_use", "timeout")) {
            given().auth().oauth2(storefront).contentType(ContentType.JSON)
                    .body(form("marketing-email", "given", Map.of("method", method)))
                    .post("/v1/consents").then().statusCode(400).contentType("application/problem+json");
        }
        assertEquals("deny", decision("marketing-email"));
    }

    @Test
    void C2_C11_gpcSignalRefusesSaleAndSharingAndNeverGrants() {
        given().auth().oauth2(storefront).contentType(ContentType.JSON).header("Sec-GPC", "1")
                .body(form("ad-sharing", "given", Map.of()))
                .post("/v1/consents").then().statusCode(201)
                .body("gpcApplied", equalTo(true))
                .body("records[0].decision", equalTo("refused"));
        assertEquals("deny", decision("ad-sharing"));
        given().auth().oauth2(storefront).get("/v1/subjects/{s}/consents", subject)
                .then().body("[0].rawSignal", equalTo("Sec-GPC: 1"));
    }

    @Test
    void C11_gpcSignalWithdrawsAStandingSaleOrSharingConsent() {
        record("ad-sharing", "given");
        assertEquals("allow", decision("ad-sharing"));
        given().auth().oauth2(storefront).contentType(ContentType.JSON).header("Sec-GPC", "1")
                .body(form("marketing-email", "given", Map.of()))
                .post("/v1/consents").then().statusCode(201).body("records", hasSize(2));
        assertEquals("deny", decision("ad-sharing"));
        assertEquals("allow", decision("marketing-email"), "GPC leaves purposes that are not sale or sharing alone");
    }

    @Test
    void C11_consentModeViewGrantsOnlyWhatTheSubjectAllowed() {
        record("analytics-cookies", "given");
        given().auth().oauth2(storefront).get("/v1/subjects/{s}/consent-mode", subject)
                .then().statusCode(200)
                .body("consentMode.analytics_storage", equalTo("granted"))
                .body("consentMode.ad_storage", equalTo("denied"))
                .body("consentMode.ad_user_data", equalTo("denied"))
                .body("consentMode.ad_personalization", equalTo("denied"));
    }

    @Test
    void C3_recordKeepsItsEvidence() {
        given().auth().oauth2(storefront).contentType(ContentType.JSON)
                .body(form("marketing-email", "given", Map.of("noticeHash", NOTICE_HASH, "actor", "guardian",
                        "actorProof", "guardian-verification-123", "rawSignal", "checkbox#newsletter")))
                .post("/v1/consents").then().statusCode(201);
        given().auth().oauth2(storefront).get("/v1/subjects/{s}/consents", subject)
                .then().statusCode(200).body("$", hasSize(1))
                .body("[0].method", equalTo("checkbox"))
                .body("[0].channel", equalTo("web"))
                .body("[0].collectionPoint", equalTo("signup-form"))
                .body("[0].noticeVersion", equalTo("2026-01"))
                .body("[0].noticeHash", equalTo(NOTICE_HASH))
                .body("[0].language", equalTo("en"))
                .body("[0].actor", equalTo("guardian"))
                .body("[0].dpvStatus", equalTo("dpv:ConsentGiven"))
                .body("[0].decidedAt", org.hamcrest.Matchers.endsWith("Z"));
    }

    @Test
    void C3_guardianOrAgentWithoutProofIsRefused() {
        given().auth().oauth2(storefront).contentType(ContentType.JSON)
                .body(form("marketing-email", "given", Map.of("actor", "agent")))
                .post("/v1/consents").then().statusCode(400)
                .body("type", equalTo("https://consentry.dev/problems/actor-proof-missing"));
    }

    @Test
    void C4_decisionCanBeReconstructedAsOfAPastInstant() throws InterruptedException {
        Instant beforeAnything = Instant.now();
        Thread.sleep(5);
        record("marketing-email", "given");
        Thread.sleep(5);
        Instant whileGiven = Instant.now();
        Thread.sleep(5);
        record("marketing-email", "withdrawn");

        given().auth().oauth2(storefront).queryParam("asOf", whileGiven.toString())
                .get("/v1/subjects/{s}/decisions/marketing-email", subject).then().body("decision", equalTo("allow"));
        given().auth().oauth2(storefront).queryParam("asOf", beforeAnything.toString())
                .get("/v1/subjects/{s}/decisions/marketing-email", subject)
                .then().body("decision", equalTo("deny")).body("reason", equalTo("no consent recorded"));
        assertEquals("deny", decision("marketing-email"));

        given().auth().oauth2(storefront).queryParam("asOf", "yesterday")
                .get("/v1/subjects/{s}/decisions/marketing-email", subject).then().statusCode(400);
        given().auth().oauth2(storefront).queryParam("asOf", Instant.now().plusSeconds(3600).toString())
                .get("/v1/subjects/{s}/decisions/marketing-email", subject).then().statusCode(400);
    }

    @Test
    void C6_oneCallWithdrawsEveryStandingConsentAndAnnouncesIt() {
        record("marketing-email", "given");
        record("analytics-cookies", "given");
        List<String> withdrawn = given().auth().oauth2(Tokens.subject("shop-a", subject)).contentType(ContentType.JSON)
                .body(Map.of("channel", "web", "method", "button", "collectionPoint", "privacy-center"))
                .post("/v1/subjects/{s}/withdrawals", subject)
                .then().statusCode(201).body("records", hasSize(2))
                .extract().path("records.recordId");
        assertEquals("deny", decision("marketing-email"));
        assertEquals("deny", decision("analytics-cookies"));

        List<JsonNode> events = KafkaTopics.awaitEvents(Topics.CONSENT,
                e -> withdrawn.contains(e.path("data").path("recordId").asText()), 2);
        assertEquals(2, events.size());
        events.forEach(e -> {
            assertEquals("dev.consentry.consent.withdrawn.v1", e.get("type").asText());
            assertEquals(List.of(), EventContract.violations(e));
        });
    }

    @Test
    void batchDecisionAnswersPerPurpose() {
        record("marketing-email", "given");
        given().auth().oauth2(storefront)
                .queryParam("purpose", "marketing-email").queryParam("purpose", "analytics-cookies")
                .get("/v1/subjects/{s}/decisions", subject)
                .then().statusCode(200).body("$", hasSize(2))
                .body("find { it.purposeId == 'marketing-email' }.decision", equalTo("allow"))
                .body("find { it.purposeId == 'analytics-cookies' }.decision", equalTo("deny"));
        given().auth().oauth2(storefront).queryParam("purpose", "no-such-purpose")
                .get("/v1/subjects/{s}/decisions", subject).then().statusCode(404);
    }

    @Test
    void newEndpointsCheckRolesAndSubjects() {
        record("marketing-email", "given");
        Map<String, String> withdrawal = Map.of("channel", "web", "method", "button", "collectionPoint", "x");
        given().auth().oauth2(Tokens.auditor("shop-a")).contentType(ContentType.JSON).body(withdrawal)
                .post("/v1/subjects/{s}/withdrawals", subject).then().statusCode(403);
        given().contentType(ContentType.JSON).body(withdrawal)
                .post("/v1/subjects/{s}/withdrawals", subject).then().statusCode(401);
        given().auth().oauth2(Tokens.subject("shop-a", "someone-else")).contentType(ContentType.JSON).body(withdrawal)
                .post("/v1/subjects/{s}/withdrawals", subject).then().statusCode(404);
        given().auth().oauth2(Tokens.subject("shop-a", "someone-else"))
                .get("/v1/subjects/{s}/consents", subject).then().statusCode(404);
        given().auth().oauth2(Tokens.subject("shop-a", "someone-else"))
                .get("/v1/subjects/{s}/consent-mode", subject).then().statusCode(404);
        given().auth().oauth2(Tokens.auditor("shop-b"))
                .get("/v1/subjects/{s}/consents", subject).then().statusCode(200).body("$", empty());
        given().auth().oauth2(Tokens.auditor("shop-a"))
                .get("/v1/subjects/{s}/consents", subject).then().statusCode(200).body("$", hasSize(1));
    }
}
