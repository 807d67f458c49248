package dev.consentry.dsr.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.dsr.Fixtures;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.ConsentDecisionData;
import dev.consentry.events.data.PurposeDefinedData;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * R14 over the real broker: what a consent covers and when it was in force are learnt from consent-service's events;
 * a disclosure on the basis of consent is accepted only while it is in force; a recipient's agreement bounds what it
 * may receive; a shop that tells its customers gets a notice event for each disclosure.
 */
@QuarkusTest
class ConsentBoundDisclosureTest {

    private static final String TENANT = "shop-bound";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Inject
    SubjectKeys subjectKeys;

    private void consentEvent(String type, String subjectKey, Object data, Instant time) throws Exception {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                "/consentry/consent-service", type, time, CloudEvent.JSON, TENANT, subjectKey,
                EventContract.mapper().valueToTree(data));
        KafkaTopics.sendEvent(Topics.CONSENT, event.recordKey(), EventContract.mapper().writeValueAsString(event));
    }

    private void decision(String subject, String decision, Instant at) throws Exception {
        consentEvent(EventTypes.forConsentDecision(decision), subjectKeys.of(TENANT, subject), new ConsentDecisionData(
                UUID.randomUUID().toString(), "ad-sharing", decision, at, "checkbox", "web", "checkout", "1", "subject"), at);
    }

    private static int disclose(String subject, String recipient, String basis, Instant at, String purpose) {
        Map<String, Object> body = new HashMap<>(Map.of("subjectId", subject, "recipientId", recipient,
                "categories", List.of("email"), "basis", basis, "disclosedAt", at.toString()));
        if (purpose != null) {
            body.put("purpose", purpose);
        }
        return given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON).body(body)
                .post("/v1/disclosures").statusCode();
    }

    @Test
    void R14_aConsentBasisDisclosureNeedsAConsentCoveringTheRecipientInForceAtItsDate() throws Exception {
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.recipient(TENANT, "bound-ads", "email");
        Fixtures.recipient(TENANT, "bound-crm", "email");
        consentEvent(EventTypes.PURPOSE_DEFINED, null, new PurposeDefinedData("ad-sharing", "consent",
                List.of("bound-ads"), List.of("email"), NOW.minus(Duration.ofDays(30))), NOW.minus(Duration.ofDays(30)));
        decision(subject, "given", NOW.minus(Duration.ofHours(3)));

        // accepted while the consent is in force (once dsr-service has read the events; a refusal writes nothing)
        await().atMost(Duration.ofSeconds(20)).until(() ->
                disclose(subject, "bound-ads", "consent", NOW.minus(Duration.ofHours(2)), "ad-sharing") == 201);
        // a recipient no purpose names cannot be covered by a consent; on another basis it is recorded
        given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject, "recipientId", "bound-crm", "categories", List.of("email"),
                        "basis", "consent", "disclosedAt", NOW.minus(Duration.ofHours(2)).toString()))
                .post("/v1/disclosures").then().statusCode(422)
                .body("type", containsString("no-consent-in-force")).body("detail", containsString("bound-crm"));
        assertEquals(201, disclose(subject, "bound-crm", "contract", NOW.minus(Duration.ofHours(2)), null));
        // before the consent was given, nothing covered it
        assertEquals(422, disclose(subject, "bound-ads", "consent", NOW.minus(Duration.ofHours(4)), null));

        decision(subject, "withdrawn", NOW.minus(Duration.ofHours(1)));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                disclose(subject, "bound-ads", "consent", NOW.minus(Duration.ofMinutes(30)), null) == 422);
        // back-dated to before the withdrawal it is still true, and recorded
        assertEquals(201, disclose(subject, "bound-ads", "consent", NOW.minus(Duration.ofMinutes(90)), null));
    }

    @Test
    void R14_aDisclosureOutsideTheRecipientsAgreementIsRefused() {
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.recipient(TENANT, "bound-carrier", "email");
        given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("reference", "DPA-1", "role", "processor", "purposes", List.of("order-fulfilment"),
                        "country", "VN")).put("/v1/recipients/bound-carrier/agreement").then().statusCode(403);
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("reference", "DPA-1", "role", "processor", "purposes", List.of("order-fulfilment"),
                        "country", "Vietnam")).put("/v1/recipients/bound-carrier/agreement").then().statusCode(400);
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("reference", "DPA-1", "role", "processor", "purposes", List.of("order-fulfilment"),
                        "country", "VN", "validUntil", NOW.minus(Duration.ofDays(1)).toString()))
                .put("/v1/recipients/bound-carrier/agreement").then().statusCode(200)
                .body("agreement.reference", equalTo("DPA-1"));

        assertEquals(201, disclose(subject, "bound-carrier", "contract", NOW.minus(Duration.ofDays(2)), "order-fulfilment"));
        given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject, "recipientId", "bound-carrier", "categories", List.of("email"),
                        "basis", "contract", "disclosedAt", NOW.minus(Duration.ofDays(2)).toString(), "purpose", "marketing"))
                .post("/v1/disclosures").then().statusCode(422)
                .body("type", containsString("outside-agreement")).body("detail", containsString("marketing"));
        given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject, "recipientId", "bound-carrier", "categories", List.of("email"),
                        "basis", "contract", "disclosedAt", NOW.minus(Duration.ofHours(1)).toString()))
                .post("/v1/disclosures").then().statusCode(422).body("detail", containsString("ended"));
    }

    @Test
    void R14_aShopThatTellsItsCustomersGetsANoticeForEachDisclosure() {
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.recipient(TENANT, "bound-signing", "email");
        given().auth().oauth2(Tokens.dpo(TENANT)).contentType(ContentType.JSON).body(Map.of("tellSubject", true))
                .put("/v1/settings/disclosure-notices").then().statusCode(200).body("tellSubject", equalTo(true));
        String id = given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject, "recipientId", "bound-signing", "categories", List.of("email"),
                        "basis", "contract", "disclosedAt", NOW.minus(Duration.ofHours(1)).toString()))
                .post("/v1/disclosures").then().statusCode(201).extract().path("id");
        List<JsonNode> notices = KafkaTopics.awaitEvents(Topics.DSR,
                e -> e.path("type").asText().equals(EventTypes.DSR_DISCLOSURE_NOTICE)
                        && id.equals(e.path("data").path("disclosureId").asText()), 1);
        assertEquals(1, notices.size());
        assertEquals(List.of(), EventContract.violations(notices.get(0)));
        assertEquals(subjectKeys.of(TENANT, subject), notices.get(0).path("subjectkey").asText());
    }
}
