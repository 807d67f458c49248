package dev.consentry.dsr.rest;

import dev.consentry.dsr.Fixtures;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** R5 and restriction requests: what must not be used or provided now, queryable by the storefront. */
@QuarkusTest
class RestrictionsTest {

    private static final String TENANT = "shop-limits";

    private static io.restassured.response.ValidatableResponse restrictions(String token, String subject) {
        return given().auth().oauth2(token).queryParam("subjectId", subject).get("/v1/restrictions").then();
    }

    @Test
    void R5_disputedFieldsAreRestrictedWhileTheCorrectionIsPendingAndFreedWhenItCompletes() {
        Fixtures.recipient(TENANT, "swift-shipping", "shippingAddress");
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.disclosure(TENANT, subject, "swift-shipping", "shippingAddress");
        restrictions(Tokens.storefront(TENANT), subject).statusCode(200).body("restricted", hasSize(0));

        JsonPath filed = given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON)
                .body(Fixtures.correction(subject)).post("/v1/requests").then().statusCode(201).extract().jsonPath();
        restrictions(Tokens.storefront(TENANT), subject).statusCode(200)
                .body("restricted", hasSize(1))
                .body("restricted[0].category", equalTo("shippingAddress"))
                .body("restricted[0].reason", equalTo("correction_pending"))
                .body("restricted[0].requestId", equalTo(filed.getString("id")));
        restrictions(Tokens.subject(TENANT, subject), subject).statusCode(200).body("restricted", hasSize(1));

        Fixtures.reply(TENANT, filed.getString("notices[0].noticeId"), "swift-shipping", "completed");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                restrictions(Tokens.storefront(TENANT), subject).body("restricted", hasSize(0)));
    }

    @Test
    void R1_aRequestedRestrictionHoldsUntilTheDpoLiftsIt() {
        String subject = "cust-" + UUID.randomUUID();
        String id = given().auth().oauth2(Tokens.subject(TENANT, subject)).contentType(ContentType.JSON)
                .body(Map.of("type", "restriction", "subjectId", subject, "jurisdiction", "KR",
                        "categories", List.of("phone")))
                .post("/v1/requests").then().statusCode(201).extract().path("id");
        restrictions(Tokens.storefront(TENANT), subject)
                .body("restricted.find { it.reason == 'restriction_requested' }.category", equalTo("phone"));

        given().auth().oauth2(Tokens.storefront(TENANT)).post("/v1/requests/{id}/lift", id).then().statusCode(403);
        given().auth().oauth2(Tokens.dpo("shop-other")).post("/v1/requests/{id}/lift", id).then().statusCode(404);
        given().auth().oauth2(Tokens.dpo(TENANT)).post("/v1/requests/{id}/lift", id).then().statusCode(200);
        given().auth().oauth2(Tokens.dpo(TENANT)).post("/v1/requests/{id}/lift", id).then().statusCode(409)
                .body("type", containsString("nothing-to-lift"));
        restrictions(Tokens.storefront(TENANT), subject).body("restricted", hasSize(0));
    }

    @Test
    void restrictionsAreTheTenantsAndTheSubjectsOwn() {
        String subject = "cust-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.storefront(TENANT)).contentType(ContentType.JSON)
                .body(Map.of("type", "restriction", "subjectId", subject, "jurisdiction", "KR"))
                .post("/v1/requests").then().statusCode(201);
        restrictions(Tokens.storefront(TENANT), subject).body("restricted[0].category", equalTo("*"));
        restrictions(Tokens.storefront("shop-other"), subject).statusCode(200).body("restricted", hasSize(0));
        restrictions(Tokens.subject(TENANT, "cust-someone-else"), subject).statusCode(404);
        restrictions(Tokens.auditor(TENANT), subject).statusCode(403);
        given().auth().oauth2(Tokens.storefront(TENANT)).get("/v1/restrictions").then().statusCode(400);
        given().queryParam("subjectId", subject).get("/v1/restrictions").then().statusCode(401);
    }
}
