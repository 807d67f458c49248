package dev.consentry.consent.rest;

import dev.consentry.consent.Fixtures;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The single-purpose lookup is served by a plain Vert.x route ({@link DecisionLookupRoute}); what the REST layer
 * gave every other endpoint must hold for it too (the behaviour itself is in ConsentAccessTest, ConsentBadInputTest,
 * ConsentRequirementsTest and SubjectClaimTest, which call the same URL).
 */
@QuarkusTest
class DecisionLookupRouteTest {

    @Test
    void C4_theLookupAnswersAsTheDocumentSays() {
        String subject = "cust-" + UUID.randomUUID();
        Fixtures.purpose("shop-a", "marketing-email", "consent");
        given().auth().oauth2(Tokens.storefront("shop-a")).contentType(ContentType.JSON)
                .body(Fixtures.form(subject, "marketing-email", "given")).post("/v1/consents").then().statusCode(201);
        given().auth().oauth2(Tokens.storefront("shop-a")).get("/v1/subjects/{s}/decisions/marketing-email", subject)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("subjectId", equalTo(subject)).body("purposeId", equalTo("marketing-email"))
                .body("decision", equalTo("allow")).body("reason", equalTo("consent given"))
                .body("decidedAt", containsString("T")).body("$", not(org.hamcrest.Matchers.hasKey("expiresAt")));
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/v1/subjects/{subjectId}/decisions/{purposeId}'.get.summary", containsString("(C4)"));
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        Fixtures.purpose("shop-a", "marketing-email", "consent");
        given().auth().oauth2(Tokens.storefront("shop-a")).head("/v1/subjects/cust-1/decisions/marketing-email")
                .then().statusCode(200).contentType(ContentType.JSON).body(org.hamcrest.Matchers.emptyString());
        given().head("/v1/subjects/cust-1/decisions/marketing-email").then().statusCode(401);
    }

    @Test
    void invalidPathIdsAreNamedInTheProblem() {
        given().auth().oauth2(Tokens.storefront("shop-a")).get("/v1/subjects/{s}/decisions/{p}", "bad id", "NOT_ONE")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://consentry.dev/problems/validation"))
                .body("errors.field", hasItems("subjectId", "purposeId"));
    }

    @Test
    void aRoleThatMayNotReadDecisionsIs403() {
        given().auth().oauth2(Tokens.withRoles("shop-a", "someone", "unknown-role"))
                .get("/v1/subjects/cust-1/decisions/marketing-email")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://consentry.dev/problems/forbidden"));
    }

    @Test
    void S5_noSubjectIdInTheLookupsMetrics() {
        String subject = "cust-metrics-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.storefront("shop-a")).get("/v1/subjects/{s}/decisions/marketing-email", subject)
                .then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains(subject), "a subject id never becomes a metric label");
        assertTrue(metrics.contains("/v1/subjects/{subjectId}/decisions/{purposeId}")
                        || metrics.contains("/v1/subjects/:subjectId/decisions/:purposeId"),
                "the lookups are counted under their route");
    }
}
