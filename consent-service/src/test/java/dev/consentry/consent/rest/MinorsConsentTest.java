package dev.consentry.consent.rest;

import dev.consentry.consent.Fixtures;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** C9 through the API: a child's own "yes" is refused, a guardian's counts, and a guardian's withdrawal stops it. */
@QuarkusTest
class MinorsConsentTest {

    private final String child = "cust-" + UUID.randomUUID();
    private final String storefront = Tokens.storefront("shop-a");

    @BeforeEach
    void catalogue() {
        Fixtures.purpose("shop-a", "marketing-email", "consent");
    }

    private Map<String, Object> form(String decision, Map<String, Object> extra) {
        Map<String, Object> form = new HashMap<>(Fixtures.form(child, "marketing-email", decision));
        form.put("subjectAge", 12);
        form.put("jurisdiction", "KR");
        form.putAll(extra);
        return form;
    }

    private String decision() {
        return given().auth().oauth2(storefront).get("/v1/subjects/{s}/decisions/marketing-email", child)
                .then().statusCode(200).extract().path("decision");
    }

    @Test
    void C9_childBelowThresholdNeedsAVerifiedGuardianAndTheGuardiansWithdrawalStopsProcessing() {
        given().auth().oauth2(storefront).contentType(ContentType.JSON).body(form("given", Map.of()))
                .post("/v1/consents").then().statusCode(422)
                .body("type", equalTo("https://consentry.dev/problems/guardian-consent-required"));
        assertEquals("deny", decision());

        given().auth().oauth2(storefront).contentType(ContentType.JSON)
                .body(form("given", Map.of("actor", "guardian", "actorProof", "guardian-id-check-7")))
                .post("/v1/consents").then().statusCode(201);
        assertEquals("allow", decision());

        given().auth().oauth2(storefront).contentType(ContentType.JSON)
                .body(Map.of("channel", "web", "method", "button", "collectionPoint", "parent-portal",
                        "actor", "guardian", "actorProof", "guardian-id-check-7"))
                .post("/v1/subjects/{s}/withdrawals", child).then().statusCode(201);
        assertEquals("deny", decision());
    }

    /** Issue 13, finding 1: a 12-year-old in Vietnam, with their own token, claiming to be their own guardian. */
    @Test
    void C9_S4_aChildsOwnTokenCannotConsentAsItsGuardian() {
        String own = Tokens.subject("shop-a", child);
        Map<String, Object> claim = new HashMap<>(form("given", Map.of("actor", "guardian", "actorProof", "trust me",
                "childAgrees", true)));
        claim.put("jurisdiction", "VN");
        given().auth().oauth2(own).contentType(ContentType.JSON).body(claim)
                .post("/v1/consents").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://consentry.dev/problems/representative-not-allowed"));
        // as itself, below the threshold: the clear 422 of C9
        Map<String, Object> asItself = new HashMap<>(form("given", Map.of()));
        asItself.put("jurisdiction", "VN");
        given().auth().oauth2(own).contentType(ContentType.JSON).body(asItself)
                .post("/v1/consents").then().statusCode(422)
                .body("type", equalTo("https://consentry.dev/problems/guardian-consent-required"));
        // nor can its own token withdraw "as the guardian" (a withdrawal as itself is always possible)
        given().auth().oauth2(own).contentType(ContentType.JSON)
                .body(Map.of("channel", "web", "method", "button", "collectionPoint", "privacy-center",
                        "actor", "agent", "actorProof", "x"))
                .post("/v1/subjects/{s}/withdrawals", child).then().statusCode(422);
        assertEquals("deny", decision());
    }

    @Test
    void ageWithoutJurisdictionIs400() {
        Map<String, Object> form = new HashMap<>(Fixtures.form(child, "marketing-email", "given"));
        form.put("subjectAge", 12);
        given().auth().oauth2(storefront).contentType(ContentType.JSON).body(form)
                .post("/v1/consents").then().statusCode(400);
    }
}
