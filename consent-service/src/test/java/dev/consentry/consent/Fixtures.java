package dev.consentry.consent;

import dev.consentry.testkit.Tokens;
import io.restassured.http.ContentType;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Catalogue set-up shared by the resource tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Adds a purpose to the tenant's catalogue (no-op if it exists). */
    public static void purpose(String tenant, String id, String legalBasis) {
        purpose(tenant, id, legalBasis, Map.of());
    }

    /** Adds a purpose with further catalogue fields (saleOrSharing, consentModeTypes, validity, …). */
    public static void purpose(String tenant, String id, String legalBasis, Map<String, Object> details) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("id", id, "legalBasis", legalBasis,
                "optional", !legalBasis.equals("contract"), "names", Map.of("en", id, "vi", id, "ko", id)));
        body.putAll(details);
        int status = given().auth().oauth2(Tokens.dpo(tenant)).contentType(ContentType.JSON)
                .body(body)
                .post("/v1/purposes").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("purpose set-up failed with " + status);
        }
    }

    public static Map<String, Object> form(String subjectId, String purposeId, String decision) {
        return Map.of("subjectId", subjectId,
                "decisions", List.of(Map.of("purposeId", purposeId, "decision", decision)),
                "method", "checkbox", "channel", "web", "collectionPoint", "signup-form",
                "noticeVersion", "2026-01", "language", "en");
    }
}
