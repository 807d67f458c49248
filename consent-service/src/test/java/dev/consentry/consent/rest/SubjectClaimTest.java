package dev.consentry.consent.rest;

import dev.consentry.consent.Fixtures;
import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 13, finding 8: with an identity provider whose {@code sub} is its own UUID, the shop's customer id travels in
 * a claim of its own, named by {@code consentry.security.subject-claim}.
 */
@QuarkusTest
@TestProfile(SubjectClaimTest.CustomerIdClaim.class)
class SubjectClaimTest {

    public static class CustomerIdClaim implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("consentry.security.subject-claim", "customer_id");
        }
    }

    @Test
    void S4_aCustomersOwnTokenReachesTheirDataThroughTheConfiguredClaim() {
        String customer = "cust-" + UUID.randomUUID();
        String keycloakSub = UUID.randomUUID().toString();
        Fixtures.purpose("shop-a", "marketing-email", "consent");
        String own = Tokens.withClaims("shop-a", keycloakSub, "subject", Map.of("customer_id", customer));

        given().auth().oauth2(own).get("/v1/subjects/{s}/decisions/marketing-email", customer)
                .then().statusCode(200).body("subjectId", equalTo(customer));
        given().auth().oauth2(own).get("/v1/subjects/{s}/decisions/marketing-email", keycloakSub)
                .then().statusCode(404);
        // a subject token without the claim acts for nobody
        given().auth().oauth2(Tokens.subject("shop-a", customer)).get("/v1/subjects/{s}/decisions/marketing-email", customer)
                .then().statusCode(403).contentType("application/problem+json");
    }
}
