package dev.consentry.dsr.rest;

import dev.consentry.dsr.Fixtures;
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
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

/** 401 without a valid token, 403 for a wrong role, 404 (never data) across tenants and subjects. */
@QuarkusTest
class RequestAccessTest {

    private final String subject = "cust-" + UUID.randomUUID();
    private String requestId;

    @BeforeEach
    void requestInShopA() {
        Fixtures.recipient("shop-a", "swift-shipping", "shippingAddress");
        Fixtures.disclosure("shop-a", subject, "swift-shipping", "shippingAddress");
        requestId = given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .body(Fixtures.correction(subject)).post("/v1/requests").then().statusCode(201).extract().path("id");
    }

    @Test
    void withoutTokenIs401() {
        given().get("/v1/requests/{id}", requestId).then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Fixtures.correction(subject)).post("/v1/requests")
                .then().statusCode(401);
        given().get("/v1/recipients").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of()).post("/v1/recipients").then().statusCode(401);
        given().auth().oauth2(Tokens.forged("shop-a", "dpo")).get("/v1/requests/{id}", requestId)
                .then().statusCode(401);
    }

    @Test
    void wrongRoleIs403() {
        given().auth().oauth2(Tokens.auditor("shop-a")).contentType(ContentType.JSON)
                .body(Fixtures.correction(subject)).post("/v1/requests").then().statusCode(403);
        given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .body(Map.of("id", "x", "name", "x", "kind", "other", "dataCategories", List.of("email")))
                .post("/v1/recipients").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void otherTenantGets404AndNoData() {
        given().auth().oauth2(Tokens.dpo("shop-b")).get("/v1/requests/{id}", requestId)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", not(equalTo(subject)));
        given().auth().oauth2(Tokens.dpo("shop-b")).get("/v1/recipients")
                .then().statusCode(200).body("id", everyItem(not(equalTo("swift-shipping"))));
    }

    @Test
    void subjectSeesOwnRequestOnly() {
        given().auth().oauth2(Tokens.subject("shop-a", subject)).get("/v1/requests/{id}", requestId)
                .then().statusCode(200).body("id", equalTo(requestId));
        given().auth().oauth2(Tokens.subject("shop-a", "someone-else")).get("/v1/requests/{id}", requestId)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.subject("shop-a", "someone-else")).contentType(ContentType.JSON)
                .body(Fixtures.correction(subject)).post("/v1/requests").then().statusCode(404);
    }

    @Test
    void U2_aCustomerFollowsTheirOwnRequestsAndNoOneElses() {
        String second = given().auth().oauth2(Tokens.subject("shop-a", subject)).contentType(ContentType.JSON)
                .body(Map.of("type", "access", "subjectId", subject, "jurisdiction", "EU")).post("/v1/requests")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.subject("shop-a", subject)).get("/v1/subjects/{s}/requests", subject)
                .then().statusCode(200).body("id", equalTo(List.of(second, requestId)))
                .body("[0].type", equalTo("access")).body("[0].dueAt", not(equalTo(null)));
        given().auth().oauth2(Tokens.subject("shop-a", "someone-else")).get("/v1/subjects/{s}/requests", subject)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.subject("shop-a", "someone-else")).get("/v1/subjects/{s}/requests", "someone-else")
                .then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(Tokens.dpo("shop-b")).get("/v1/subjects/{s}/requests", subject)
                .then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(Tokens.storefront("shop-a")).get("/v1/subjects/{s}/requests?size=1", subject)
                .then().statusCode(200).body("id", equalTo(List.of(second)));
        given().auth().oauth2(Tokens.partner("swift-shipping")).get("/v1/subjects/{s}/requests", subject)
                .then().statusCode(403);
    }

    @Test
    void U2_aCustomerLearnsWhoReceivesDataButNotTheShopsArrangementsWithThem() {
        given().auth().oauth2(Tokens.subject("shop-a", subject)).get("/v1/recipients").then().statusCode(200)
                .body("find { it.id == 'swift-shipping' }.dataCategories", org.hamcrest.Matchers.hasItem("shippingAddress"))
                .body("find { it.id == 'swift-shipping' }.topic", equalTo(null))
                .body("find { it.id == 'swift-shipping' }.replyWithinDays", equalTo(null))
                .body("find { it.id == 'swift-shipping' }.partnerId", equalTo(null));
        given().auth().oauth2(Tokens.dpo("shop-a")).get("/v1/recipients").then().statusCode(200)
                .body("find { it.id == 'swift-shipping' }.replyWithinDays", not(equalTo(null)));
    }

    @Test
    void auditorAndDpoReadTheirTenantsRequest() {
        given().auth().oauth2(Tokens.auditor("shop-a")).get("/v1/requests/{id}", requestId)
                .then().statusCode(200);
        given().auth().oauth2(Tokens.dpo("shop-a")).get("/v1/requests/{id}", requestId)
                .then().statusCode(200).body("status", equalTo("awaiting_partners"));
    }
}
