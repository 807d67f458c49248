package dev.consentry.consent.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.consent.Fixtures;
import dev.consentry.consent.model.ConsentRecord;
import dev.consentry.consent.repository.ConsentRecordRepository;
import dev.consentry.platform.subject.SubjectKeys;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import dev.consentry.events.EventContract;
import dev.consentry.events.Topics;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** C7: notice versions are announced ahead of time and a changed purpose needs renewal; nothing is granted for anyone. */
@QuarkusTest
class NoticeResourceTest {

    @Inject
    ConsentRecordRepository records;

    @Inject
    SubjectKeys subjectKeys;

    private final String dpo = Tokens.dpo("shop-notices");
    private final String storefront = Tokens.storefront("shop-notices");

    @BeforeEach
    void catalogue() {
        Fixtures.purpose("shop-notices", "marketing-email", "consent");
        Fixtures.purpose("shop-notices", "analytics-cookies", "consent");
    }

    private static Map<String, Object> notice(String version, Instant effectiveAt) {
        Map<String, Object> n = new HashMap<>();
        n.put("version", version);
        n.put("language", "en");
        n.put("text", "We use your e-mail address for newsletters; version " + version);
        n.put("purposes", List.of("marketing-email", "analytics-cookies"));
        n.put("changedPurposes", List.of("marketing-email"));
        n.put("whatChanged", "Newsletters now include partner offers.");
        n.put("effectiveAt", effectiveAt.toString());
        return n;
    }

    private void consent(String subject, String purpose, String decision) {
        Map<String, Object> form = Fixtures.form(subject, purpose, decision);
        given().auth().oauth2(storefront).contentType(ContentType.JSON).body(form).post("/v1/consents")
                .then().statusCode(201);
    }

    @Test
    void C7_noticeEffectiveSoonerThanTheNoticePeriodIsRefusedAndWritesNothing() {
        String version = "v-" + UUID.randomUUID();
        given().auth().oauth2(dpo).contentType(ContentType.JSON)
                .body(notice(version, Instant.now().plus(Duration.ofDays(6))))
                .post("/v1/notices").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://consentry.dev/problems/notice-effective-too-soon"));
        given().auth().oauth2(dpo).get("/v1/notices").then().body("version", everyItem(not(equalTo(version))));
    }

    @Test
    void C7_changedPurposeMarksStandingConsentsForRenewalWhenTheVersionTakesEffect() {
        String consenting = "cust-" + UUID.randomUUID();
        String refusing = "cust-" + UUID.randomUUID();
        consent(consenting, "marketing-email", "given");
        consent(consenting, "analytics-cookies", "given");
        consent(refusing, "marketing-email", "refused");
        Instant effectiveAt = Instant.now().plus(Duration.ofDays(8)).truncatedTo(ChronoUnit.MICROS);
        String version = "v-" + UUID.randomUUID();

        given().auth().oauth2(dpo).contentType(ContentType.JSON).body(notice(version, effectiveAt))
                .post("/v1/notices").then().statusCode(201)
                .body("contentHash", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
                .body("consentsNeedingRenewal", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        // Until the version takes effect the consent stands; from then on it is marked for renewal.
        given().auth().oauth2(storefront).get("/v1/subjects/{s}/decisions/marketing-email", consenting)
                .then().body("decision", equalTo("allow"));
        given().auth().oauth2(storefront).get("/v1/subjects/{s}/consents", consenting)
                .then().body("findAll { it.decision == 'renewal_required' }", hasSize(1))
                .body("find { it.decision == 'renewal_required' }.purposeId", equalTo("marketing-email"))
                .body("find { it.decision == 'renewal_required' }.decidedAt", equalTo(effectiveAt.toString()))
                .body("find { it.decision == 'renewal_required' }.noticeVersion", equalTo(version));
        // Nothing is consented on anyone's behalf: the refusal stays a refusal, with no record added.
        given().auth().oauth2(storefront).get("/v1/subjects/{s}/consents", refusing)
                .then().body("$", hasSize(1)).body("[0].decision", equalTo("refused"));

        List<JsonNode> published = KafkaTopics.awaitEvents(Topics.CONSENT,
                e -> version.equals(e.path("data").path("version").asText()), 1);
        assertEquals(1, published.size());
        assertEquals("dev.consentry.consent.notice-published.v1", published.get(0).get("type").asText());
        assertEquals(List.of(), EventContract.violations(published.get(0)));
        List<JsonNode> renewals = KafkaTopics.awaitEvents(Topics.CONSENT,
                e -> "dev.consentry.consent.renewal-required.v1".equals(e.path("type").asText())
                        && version.equals(e.path("data").path("noticeVersion").asText()), 1);
        assertEquals(1, renewals.size());
        assertEquals(List.of(), EventContract.violations(renewals.get(0)));
    }

    @Test
    void C7_consentRenewedAfterTheAnnouncementStandsWhenTheVersionTakesEffect() throws Throwable {
        String subject = "cust-" + UUID.randomUUID();
        consent(subject, "marketing-email", "given");
        Instant effectiveAt = Instant.now().plus(Duration.ofDays(8)).truncatedTo(ChronoUnit.MICROS);
        given().auth().oauth2(dpo).contentType(ContentType.JSON).body(notice("v-" + UUID.randomUUID(), effectiveAt))
                .post("/v1/notices").then().statusCode(201);
        consent(subject, "marketing-email", "given");

        String key = subjectKeys.of("shop-notices", subject);
        ConsentRecord inForce = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
                records.latestAsOf("shop-notices", key, "marketing-email", effectiveAt.plusSeconds(1))));
        assertEquals("given", inForce.decision, "the renewed consent, not the renewal marker, is in force");
    }

    @Test
    void C7_tenantMayLengthenTheNoticePeriodButNotShortenIt() {
        given().auth().oauth2(Tokens.dpo("shop-slow")).contentType(ContentType.JSON).body(Map.of("noticePeriodDays", 5))
                .put("/v1/settings").then().statusCode(400);
        given().auth().oauth2(Tokens.dpo("shop-slow")).contentType(ContentType.JSON).body(Map.of("noticePeriodDays", 30))
                .put("/v1/settings").then().statusCode(200).body("noticePeriodDays", equalTo(30));
        Fixtures.purpose("shop-slow", "marketing-email", "consent");
        Fixtures.purpose("shop-slow", "analytics-cookies", "consent");
        given().auth().oauth2(Tokens.dpo("shop-slow")).contentType(ContentType.JSON)
                .body(notice("v-" + UUID.randomUUID(), Instant.now().plus(Duration.ofDays(10))))
                .post("/v1/notices").then().statusCode(422);
    }

    @Test
    void noticesAreManagedByTheDpoAndReadByTheTenantOnly() {
        given().auth().oauth2(storefront).contentType(ContentType.JSON)
                .body(notice("v-x", Instant.now().plus(Duration.ofDays(8)))).post("/v1/notices").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of()).post("/v1/notices").then().statusCode(401);
        given().auth().oauth2(storefront).contentType(ContentType.JSON).body(Map.of("noticePeriodDays", 30))
                .put("/v1/settings").then().statusCode(403);
        given().auth().oauth2(Tokens.auditor("shop-other")).get("/v1/notices").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void noticeWithoutTextOrUrlOrWithAWrongHashIs400() {
        Map<String, Object> neither = notice("v-" + UUID.randomUUID(), Instant.now().plus(Duration.ofDays(8)));
        neither.remove("text");
        given().auth().oauth2(dpo).contentType(ContentType.JSON).body(neither).post("/v1/notices").then().statusCode(400);
        Map<String, Object> wrongHash = notice("v-" + UUID.randomUUID(), Instant.now().plus(Duration.ofDays(8)));
        wrongHash.put("contentHash", "0".repeat(64));
        given().auth().oauth2(dpo).contentType(ContentType.JSON).body(wrongHash).post("/v1/notices").then().statusCode(400);
    }
}
