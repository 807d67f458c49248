package dev.consentry.audit.rest;

import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AuditAccessTest {

    @Test
    void withoutTokenIs401() {
        given().get("/v1/audit/subjects/cust-1/entries").then().statusCode(401).contentType("application/problem+json");
        given().get("/v1/audit/verification").then().statusCode(401);
    }

    @Test
    void storefrontAndSubjectAre403() {
        given().auth().oauth2(Tokens.storefront("shop-a")).get("/v1/audit/subjects/cust-1/entries")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.subject("shop-a", "cust-1")).get("/v1/audit/verification")
                .then().statusCode(403);
    }

    @Test
    void badSubjectIdIs400() {
        given().auth().oauth2(Tokens.auditor("shop-a")).get("/v1/audit/subjects/{s}/entries", "no spaces allowed")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void A2_emptyOrIntactChainVerifies() {
        given().auth().oauth2(Tokens.auditor("shop-never-used")).get("/v1/audit/verification")
                .then().statusCode(200).body("valid", equalTo(true)).body("size", equalTo(0));
    }
}
