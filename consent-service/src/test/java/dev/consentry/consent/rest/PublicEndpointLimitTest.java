package dev.consentry.consent.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Issue 13, finding 4: public endpoints are rate-limited per client address with a 429 problem (S6). */
@QuarkusTest
@TestProfile(PublicEndpointLimitTest.FewPublicRequests.class)
class PublicEndpointLimitTest {

    public static class FewPublicRequests implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("consentry.http.public-requests-per-minute", "3");
        }
    }

    @Test
    void S6_aClientThatCallsAPublicEndpointTooOftenGetsA429ProblemWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            given().get("/v1/receipts/keys").then().statusCode(200);
        }
        given().get("/v1/receipts/keys").then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://consentry.dev/problems/rate-limited"))
                .header("Retry-After", notNullValue());
        // health and metrics are not API resources: never limited
        given().get("/q/health/live").then().statusCode(200);
    }
}
