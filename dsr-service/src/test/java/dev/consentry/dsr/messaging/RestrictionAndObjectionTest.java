package dev.consentry.dsr.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.dsr.Fixtures;
import dev.consentry.events.EventContract;
import dev.consentry.events.Topics;
import dev.consentry.testkit.KafkaTopics;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R1: restriction, objection and consent withdrawal reach exactly the recipients concerned. */
@QuarkusTest
class RestrictionAndObjectionTest {

    private static final String TENANT = "shop-restrict";

    @Test
    void R1_restrictionNoticeGoesToTheRecipientsThatReceivedTheCategories() {
        Fixtures.recipient(TENANT, "swift-shipping", "shippingAddress", "phone");
        Fixtures.recipient(TENANT, "mail-blaster", "email");
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.disclosure(TENANT, subject, "swift-shipping", "shippingAddress", "phone");
        Fixtures.disclosure(TENANT, subject, "mail-blaster", "email");

        String requestId = given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("type", "restriction", "subjectId", subject, "jurisdiction", "VN",
                        "categories", List.of("phone")))
                .post("/v1/requests").then().statusCode(201)
                .body("notices", hasSize(1)).body("notices[0].recipientId", equalTo("swift-shipping"))
                .body("notices[0].kind", equalTo("restriction"))
                .extract().path("id");
        JsonNode notice = KafkaTopics.awaitEvents(Topics.partnerNotices("swift-shipping"),
                e -> requestId.equals(e.path("data").path("requestId").asText()), 1).get(0);
        assertEquals("dev.consentry.partner.restriction.v1", notice.path("type").asText());
        assertEquals(List.of(), EventContract.violations(notice));
        assertEquals("phone", notice.path("data").path("categories").path(0).asText());
    }

    @Test
    void R1_objectionReachesOnlyRecipientsProcessingForThatPurpose() {
        Fixtures.recipientFor(TENANT, "ad-network", List.of("ad-sharing"), "email", "browsingHistory");
        Fixtures.recipientFor(TENANT, "analytics-co", List.of("analytics-cookies"), "browsingHistory");
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.disclosure(TENANT, subject, "ad-network", "email");
        Fixtures.disclosure(TENANT, subject, "analytics-co", "browsingHistory");

        String requestId = given().auth().oauth2(Tokens.subject(TENANT, subject)).contentType(ContentType.JSON)
                .body(Map.of("type", "objection", "subjectId", subject, "jurisdiction", "EU",
                        "purposes", List.of("ad-sharing")))
                .post("/v1/requests").then().statusCode(201)
                .body("notices", hasSize(1)).body("notices[0].recipientId", equalTo("ad-network"))
                .extract().path("id");
        JsonNode notice = KafkaTopics.awaitEvents(Topics.partnerNotices("ad-network"),
                e -> requestId.equals(e.path("data").path("requestId").asText()), 1).get(0);
        assertEquals("dev.consentry.partner.consent-withdrawn.v1", notice.path("type").asText());
        assertEquals(List.of(), EventContract.violations(notice));
        assertEquals("objection", notice.path("data").path("cause").asText());
        assertEquals("ad-sharing", notice.path("data").path("purposes").path(0).asText());
        assertTrue(KafkaTopics.await(Topics.partnerNotices("analytics-co"), r -> r.value().contains(requestId), 1,
                Duration.ofSeconds(2)).isEmpty(), "a recipient of another purpose is not told");
    }

    @Test
    void R1_purposesAndCategoriesBelongToTheirRequestTypes() {
        String subject = "cust-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("type", "consent_withdrawal", "subjectId", subject, "jurisdiction", "EU"))
                .post("/v1/requests").then().statusCode(400).body("type", containsString("purposes-missing"));
        given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("type", "access", "subjectId", subject, "jurisdiction", "EU", "purposes", List.of("ads")))
                .post("/v1/requests").then().statusCode(400).body("type", containsString("purposes-unexpected"));
        given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("type", "objection", "subjectId", subject, "jurisdiction", "EU",
                        "purposes", List.of("ads"), "categories", List.of("email")))
                .post("/v1/requests").then().statusCode(400).body("type", containsString("categories-unexpected"));
    }
}
