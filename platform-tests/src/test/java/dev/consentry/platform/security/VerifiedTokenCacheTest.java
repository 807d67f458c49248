package dev.consentry.platform.security;

import dev.consentry.testkit.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A verified bearer token's identity is taken again from the replica's cache (by the token's hash), and the cache
 * never answers for another token: a changed byte, another tenant or other roles are verified and checked anew.
 */
@QuarkusTest
class VerifiedTokenCacheTest {

    @Inject
    VerifiedTokens tokens;

    @Inject
    MeterRegistry metrics;

    private double lookups(String result) {
        return metrics.counter(CachedTokenIdentityProvider.LOOKUPS, "result", result).count();
    }

    @Test
    void perf_aVerifiedTokenIsTakenFromTheCacheUntilItExpires() {
        String token = Tokens.storefront("cache-shop-a");
        double misses = lookups("miss");
        given().auth().oauth2(token).get("/test/caller").then().statusCode(200).body(equalTo("cache-shop-a"));
        assertEquals(misses + 1, lookups("miss"), "the first request verifies the token in full");
        assertTrue(tokens.get(token).isPresent(), "the verified token is kept");
        double hits = lookups("hit");
        given().auth().oauth2(token).get("/test/caller").then().statusCode(200).body(equalTo("cache-shop-a"));
        assertEquals(hits + 1, lookups("hit"), "the second is answered from the cache");
    }

    @Test
    void S_aTamperedTokenIsRefusedAfterTheGenuineOneWasCached() {
        String token = Tokens.storefront("cache-shop-b");
        given().auth().oauth2(token).get("/test/caller").then().statusCode(200);
        String[] parts = token.split("\\.");
        String otherPayload = Tokens.storefront("cache-shop-evil").split("\\.")[1];
        given().auth().oauth2(parts[0] + "." + otherPayload + "." + parts[2]).get("/test/caller").then().statusCode(401);
        char last = parts[2].charAt(parts[2].length() - 2);
        String badSignature = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        given().auth().oauth2(badSignature).get("/test/caller").then().statusCode(401);
        given().auth().oauth2(Tokens.forged("cache-shop-b", Roles.STOREFRONT)).get("/test/caller").then().statusCode(401);
    }

    @Test
    void S_eachCachedTokenKeepsItsOwnTenantAndRoles() {
        String shopA = Tokens.storefront("cache-shop-c");
        String dpoB = Tokens.dpo("cache-shop-d");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(shopA).get("/test/caller").then().statusCode(200).body(equalTo("cache-shop-c"));
            given().auth().oauth2(dpoB).get("/test/caller").then().statusCode(200).body(equalTo("cache-shop-d"));
            given().auth().oauth2(shopA).get("/test/caller/dpo").then().statusCode(403);
            given().auth().oauth2(dpoB).get("/test/caller/dpo").then().statusCode(200).body(equalTo("cache-shop-d"));
        }
    }
}
