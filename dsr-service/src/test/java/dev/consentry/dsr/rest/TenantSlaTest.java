package dev.consentry.dsr.rest;

import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** R3: a shop that promises 24 hours gets due dates 24 hours after receipt; the legal date stays on the request. */
@QuarkusTest
class TenantSlaTest {

    @Test
    void R3_tenantSlaOf24HoursMakesTheDueDateEarlierThanTheLaw() {
        String tenant = "shop-fast";
        given().auth().oauth2(Tokens.dpo(tenant)).contentType(ContentType.JSON).body(Map.of("slaHours", 24))
                .put("/v1/settings").then().statusCode(200).body("slaHours", equalTo(24));
        JsonPath filed = given().auth().oauth2(Tokens.storefront(tenant)).contentType(ContentType.JSON)
                .body(Map.of("type", "erasure", "subjectId", "cust-" + UUID.randomUUID(), "jurisdiction", "VN"))
                .post("/v1/requests").then().statusCode(201).extract().jsonPath();
        Instant received = Instant.parse(filed.getString("receivedAt"));
        assertEquals(received.plus(Duration.ofHours(24)), Instant.parse(filed.getString("dueAt")));
        assertEquals(received.plus(Duration.ofDays(20)), Instant.parse(filed.getString("legalDueAt")));
    }

    @Test
    void slaIsTheDposAndMustBePositive() {
        given().auth().oauth2(Tokens.storefront("shop-fast")).contentType(ContentType.JSON).body(Map.of("slaHours", 24))
                .put("/v1/settings").then().statusCode(403);
        given().auth().oauth2(Tokens.dpo("shop-fast")).contentType(ContentType.JSON).body(Map.of("slaHours", 0))
                .put("/v1/settings").then().statusCode(400);
        given().auth().oauth2(Tokens.auditor("shop-unset")).get("/v1/settings").then().statusCode(200);
    }
}
