package dev.consentry.audit.rest;

import dev.consentry.audit.AuditFixtures;
import dev.consentry.audit.TestEvents;
import dev.consentry.audit.service.AuditLog;
import dev.consentry.audit.service.StaffAccess;
import dev.consentry.audit.verifier.BundleVerifier;
import dev.consentry.audit.verifier.EvidenceBundle;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A4: a signed bundle for a subject that a regulator verifies offline; any change to it is found. */
@QuarkusTest
class EvidenceExportTest {

    @Inject
    AuditLog log;

    @Inject
    SubjectKeys subjectKeys;

    @Test
    void A4_aSubjectsBundleVerifiesOfflineAndATamperedOneDoesNot() throws Exception {
        String tenant = "shop-export";
        String subject = "cust-" + UUID.randomUUID();
        String key = subjectKeys.of(tenant, subject);
        for (int i = 0; i < 4; i++) {
            AuditFixtures.append(log, TestEvents.consentGiven(tenant, key));
            AuditFixtures.append(log, TestEvents.consentGiven(tenant, subjectKeys.of(tenant, "someone-else")));
        }
        String json = given().auth().oauth2(Tokens.auditor(tenant)).contentType(ContentType.JSON)
                .body(Map.of("subjectId", subject)).post("/v1/audit/exports")
                .then().statusCode(200).extract().asString();
        EvidenceBundle bundle = BundleVerifier.mapper().readValue(json, EvidenceBundle.class);
        String publishedKey = given().get("/v1/audit/checkpoints/key").then().extract().path("publicKey");

        BundleVerifier.Result ok = BundleVerifier.verify(bundle, publishedKey);
        assertTrue(ok.verified(), ok.message());
        assertEquals(5, bundle.entries().size(), "the subject's four events and the logged export itself");
        assertTrue(bundle.entries().stream().allMatch(e -> key.equals(e.subjectKey())));

        EvidenceBundle.Entry second = bundle.entries().get(1);
        List<EvidenceBundle.Entry> altered = new ArrayList<>(bundle.entries());
        altered.set(1, new EvidenceBundle.Entry(second.seq(), second.eventId(), second.eventType(), second.source(),
                second.subjectKey(), second.occurredAt(), second.data().replace("given", "refused"),
                second.inclusionProof(), null));
        BundleVerifier.Result bad = BundleVerifier.verify(withEntries(bundle, altered), publishedKey);
        assertFalse(bad.verified());
        assertEquals(second.seq(), bad.firstBadSeq(), "the first entry that does not match is named");

        List<EvidenceBundle.Entry> fewer = new ArrayList<>(bundle.entries());
        fewer.remove(2);
        assertFalse(BundleVerifier.verify(withEntries(bundle, fewer), publishedKey).verified(),
                "a bundle with an entry left out does not verify");
        String otherKey = java.util.Base64.getEncoder().encodeToString(java.security.KeyPairGenerator
                .getInstance("Ed25519").generateKeyPair().getPublic().getEncoded());
        assertFalse(BundleVerifier.verify(bundle, otherKey).verified(), "only the log's key verifies it");

        given().auth().oauth2(Tokens.subject(tenant, subject)).queryParam("type", StaffAccess.STAFF_ACCESS)
                .get("/v1/audit/subjects/{s}/entries", subject).then().statusCode(200)
                .body("entries.data.action", hasItem("export-evidence"));
    }

    @Test
    void A4_exportsNeedAScopeAndAreForTheTenantsStaffOnly() {
        given().auth().oauth2(Tokens.auditor("shop-export")).contentType(ContentType.JSON).body(Map.of())
                .post("/v1/audit/exports").then().statusCode(400);
        given().auth().oauth2(Tokens.subject("shop-export", "cust-1")).contentType(ContentType.JSON)
                .body(Map.of("subjectId", "cust-1")).post("/v1/audit/exports").then().statusCode(403);
        given().auth().oauth2(Tokens.storefront("shop-export")).contentType(ContentType.JSON)
                .body(Map.of("subjectId", "cust-1")).post("/v1/audit/exports").then().statusCode(403);
    }

    private static EvidenceBundle withEntries(EvidenceBundle b, List<EvidenceBundle.Entry> entries) {
        return new EvidenceBundle(b.format(), b.tenant(), b.scope(), b.generatedAt(), b.checkpoint(), b.publicKey(),
                entries, b.signature());
    }
}
