package dev.consentry.consent.rest;

import dev.consentry.consent.Fixtures;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

/** 401 without a valid token, 403 for a wrong role, 404 (never data) across tenants and subjects. */
@QuarkusTest
class ConsentAccessTest {

    private final String subject = "cust-" + UUID.randomUUID();

    @BeforeEach
    void consentInShopA() {
        Fixtures.purpose("shop-a", "marketing-email", "consent");
        Fixtures.purpose("shop-a", "shop-a-only", "consent");
        given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .body(Fixtures.form(subject, "marketing-email", "given")).post("/v1/consents").then().statusCode(201);
    }

    @Test
    void withoutTokenIs401Problem() {
        given().get("/v1/subjects/{s}/decisions/marketing-email", subject)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().contentType(ContentType.JSON).body(Fixtures.form(subject, "marketing-email", "given"))
                .post("/v1/consents").then().statusCode(401);
        given().get("/v1/purposes").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of()).post("/v1/purposes").then().statusCode(401);
    }

    @Test
    void tokenSignedByAnotherKeyIs401() {
        given().auth().oauth2(Tokens.forged("shop-a", "storefront"))
                .get("/v1/subjects/{s}/decisions/marketing-email", subject).then().statusCode(401);
    }

    @Test
    void tokenWithoutTenantIs403() {
        given().auth().oauth2(Tokens.withoutTenant("storefront"))
                .get("/v1/subjects/{s}/decisions/marketing-email", subject)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void wrongRoleIs403() {
        given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .body(Map.of("id", "x", "legalBasis", "consent", "optional", true, "names", Map.of("en", "x")))
                .post("/v1/purposes").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.auditor("shop-a")).contentType(ContentType.JSON)
                .body(Fixtures.form(subject, "marketing-email", "given"))
                .post("/v1/consents").then().statusCode(403);
        given().auth().oauth2(Tokens.withRoles("shop-a", "nobody", "unknown-role"))
                .get("/v1/purposes").then().statusCode(403);
    }

    @Test
    void otherTenantSeesNoneOfShopAsData() {
        // shop-b's catalogue has no shop-a purposes, and shop-b cannot read shop-a's decision for the subject.
        given().auth().oauth2(Tokens.dpo("shop-b")).get("/v1/purposes")
                .then().statusCode(200).body("id", everyItem(not(equalTo("shop-a-only"))));
        given().auth().oauth2(Tokens.storefront("shop-b"))
                .get("/v1/subjects/{s}/decisions/shop-a-only", subject)
                .then().statusCode(404).contentType("application/problem+json");
        Fixtures.purpose("shop-b", "marketing-email", "consent");
        given().auth().oauth2(Tokens.storefront("shop-b"))
                .get("/v1/subjects/{s}/decisions/marketing-email", subject)
                .then().statusCode(200).body("decision", equalTo("deny")).body("reason", equalTo("no consent recorded"));
    }

    @Test
    void subjectReadsOwnDecisionOnly() {
        given().auth().oauth2(Tokens.subject("shop-a", subject))
                .get("/v1/subjects/{s}/decisions/marketing-email", subject)
                .then().statusCode(200).body("decision", equalTo("allow"));
        given().auth().oauth2(Tokens.subject("shop-a", "someone-else"))
                .get("/v1/subjects/{s}/decisions/marketing-email", subject)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.subject("shop-a", "someone-else")).contentType(ContentType.JSON)
                .body(Fixtures.form(subject, "marketing-email", "withdrawn"))
                .post("/v1/consents").then().statusCode(404);
    }

    /** Issue 13, finding 7: a subject token without a subject id acts for nobody (it once acted for "null"). */
    @Test
    void S4_aSubjectTokenWithoutSubIsRefused() {
        given().auth().oauth2(Tokens.withRoles("shop-a", null, "subject"))
                .get("/v1/subjects/{s}/decisions/marketing-email", "null")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void healthMetricsAndOpenApiNeedNoToken_readinessChecksDatabaseAndBroker() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem(containsString("PostgreSQL")))
                .body("checks.name", hasItem(containsString("Kafka")));
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
