package dev.consentry.audit.rest;

import dev.consentry.audit.AuditFixtures;
import dev.consentry.audit.TestEvents;
import dev.consentry.audit.service.AuditLog;
import dev.consentry.audit.service.StaffAccess;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Roles and tenant isolation on every audit endpoint; filters and pages of a timeline. */
@QuarkusTest
class AuditAccessTest {

    @Inject
    AuditLog log;

    @Inject
    SubjectKeys subjectKeys;

    @Test
    void withoutTokenIs401AndOnlyTheKeyIsPublic() {
        given().get("/v1/audit/subjects/cust-1/entries").then().statusCode(401).contentType("application/problem+json");
        given().get("/v1/audit/verification").then().statusCode(401);
        given().get("/v1/audit/proofs/inclusion?seq=1").then().statusCode(401);
        given().get("/v1/audit/checkpoints/latest").then().statusCode(401);
        given().post("/v1/audit/checkpoints").then().statusCode(401);
        given().get("/v1/audit/checkpoints/key").then().statusCode(200).body("algorithm", equalTo("Ed25519"));
    }

    @Test
    void storefrontIs403AndASubjectReadsOnlyTheirOwnTimeline() {
        given().auth().oauth2(Tokens.storefront("shop-a")).get("/v1/audit/subjects/cust-1/entries")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.storefront("shop-a")).post("/v1/audit/checkpoints").then().statusCode(403);
        given().auth().oauth2(Tokens.subject("shop-a", "cust-1")).get("/v1/audit/verification").then().statusCode(403);
        given().auth().oauth2(Tokens.subject("shop-a", "cust-1")).get("/v1/audit/proofs/inclusion?seq=1")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.subject("shop-a", "cust-1")).get("/v1/audit/subjects/{s}/entries", "cust-2")
                .then().statusCode(404);
    }

    @Test
    void badInputIs400() {
        given().auth().oauth2(Tokens.auditor("shop-a")).get("/v1/audit/subjects/{s}/entries", "no spaces allowed")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.auditor("shop-a")).queryParam("from", "yesterday")
                .get("/v1/audit/subjects/{s}/entries", "cust-1").then().statusCode(400);
        given().auth().oauth2(Tokens.auditor("shop-a")).queryParam("size", 1000)
                .get("/v1/audit/subjects/{s}/entries", "cust-1").then().statusCode(400);
        given().auth().oauth2(Tokens.auditor("shop-a")).queryParam("type", "drop table")
                .get("/v1/audit/subjects/{s}/entries", "cust-1").then().statusCode(400);
    }

    @Test
    void A2_emptyLogVerifiesAndHasNoCheckpoint() {
        given().auth().oauth2(Tokens.auditor("shop-never-used")).get("/v1/audit/verification")
                .then().statusCode(200).body("valid", equalTo(true)).body("size", equalTo(0));
        given().auth().oauth2(Tokens.auditor("shop-never-used")).post("/v1/audit/checkpoints").then().statusCode(409);
        given().auth().oauth2(Tokens.auditor("shop-never-used")).get("/v1/audit/checkpoints/latest").then().statusCode(404);
    }

    @Test
    void A1_A4_timelinePagesFiltersAndTenantIsolation() {
        String tenant = "shop-pages";
        String subject = "cust-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            AuditFixtures.append(log, TestEvents.consentGiven(tenant, subjectKeys.of(tenant, subject)));
        }
        given().auth().oauth2(Tokens.subject(tenant, subject)).queryParam("size", 2).queryParam("page", 2)
                .get("/v1/audit/subjects/{s}/entries", subject).then().statusCode(200)
                .body("entries", hasSize(1)).body("hasMore", equalTo(false));
        given().auth().oauth2(Tokens.subject(tenant, subject)).queryParam("size", 2)
                .get("/v1/audit/subjects/{s}/entries", subject).then().body("hasMore", equalTo(true));
        given().auth().oauth2(Tokens.subject(tenant, subject)).queryParam("from", "2100-01-01T00:00:00Z")
                .get("/v1/audit/subjects/{s}/entries", subject).then().statusCode(200).body("entries", hasSize(0));

        // a dpo's read is logged as staff access; the other tenant's staff sees nothing of the subject
        given().auth().oauth2(Tokens.dpo(tenant)).get("/v1/audit/subjects/{s}/entries", subject).then().statusCode(200);
        given().auth().oauth2(Tokens.subject(tenant, subject)).queryParam("type", StaffAccess.STAFF_ACCESS)
                .get("/v1/audit/subjects/{s}/entries", subject).then()
                .body("entries", hasSize(1)).body("entries[0].data.role", equalTo("dpo"));
        given().auth().oauth2(Tokens.auditor("shop-b")).get("/v1/audit/subjects/{s}/entries", subject)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.auditor("shop-b")).queryParam("seq", 1).get("/v1/audit/proofs/inclusion")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(404), equalTo(422)));
    }
}
