package dev.consentry.audit.rest;

import dev.consentry.audit.AuditFixtures;
import dev.consentry.audit.TestEvents;
import dev.consentry.audit.service.AuditLog;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/**
 * The inclusion proof is served by a plain Vert.x route ({@link InclusionProofRoute}); what the REST layer gave every
 * other endpoint must hold for it too (the proofs themselves are checked against the RFC 9162 reference in
 * MerkleLogTest, roles and tenants in AuditAccessTest, which call the same URL).
 */
@QuarkusTest
class InclusionProofRouteTest {

    @Inject
    AuditLog log;

    private String tenantWithEntries(int entries) {
        String tenant = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < entries; i++) {
            AuditFixtures.append(log, TestEvents.consentGiven(tenant, "key-" + i));
        }
        return tenant;
    }

    @Test
    void A2_theInclusionProofAnswersAsTheDocumentSays() {
        String tenant = tenantWithEntries(5);
        given().auth().oauth2(Tokens.auditor(tenant)).queryParam("seq", 3).queryParam("treeSize", 4)
                .get("/v1/audit/proofs/inclusion").then().statusCode(200).contentType(ContentType.JSON)
                .body("seq", equalTo(3)).body("leafIndex", equalTo(2)).body("treeSize", equalTo(4))
                .body("path", hasSize(2)).body("leafHash", containsString("=")).body("rootHash", containsString("="));
        given().auth().oauth2(Tokens.dpo(tenant)).queryParam("seq", 5).get("/v1/audit/proofs/inclusion")
                .then().statusCode(200).body("treeSize", equalTo(5)).body("path", hasSize(1));
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/v1/audit/proofs/inclusion'.get.parameters.name", hasItems("seq", "treeSize"))
                .body("paths.'/v1/audit/proofs/consistency'.get.summary", containsString("consistency"));
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        String tenant = tenantWithEntries(1);
        given().auth().oauth2(Tokens.auditor(tenant)).queryParam("seq", 1).head("/v1/audit/proofs/inclusion")
                .then().statusCode(200).contentType(ContentType.JSON).body(emptyString());
        given().queryParam("seq", 1).head("/v1/audit/proofs/inclusion").then().statusCode(401);
    }

    @Test
    void invalidNumbersAreNamedInTheProblem() {
        given().auth().oauth2(Tokens.auditor("shop-a")).queryParam("seq", "first").queryParam("treeSize", 0)
                .get("/v1/audit/proofs/inclusion").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://consentry.dev/problems/validation"))
                .body("errors.field", hasItems("seq", "treeSize"));
        given().auth().oauth2(Tokens.auditor("shop-a")).get("/v1/audit/proofs/inclusion").then().statusCode(400)
                .body("errors.field", hasItems("seq")).body("errors.message", hasItems("must not be null"));
    }

    @Test
    void aRoleThatMayNotReadProofsIs403() {
        given().auth().oauth2(Tokens.withRoles("shop-a", "someone", "unknown-role")).queryParam("seq", 1)
                .get("/v1/audit/proofs/inclusion").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://consentry.dev/problems/forbidden"));
    }
}
