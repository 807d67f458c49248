package dev.consentry.platform.security;

import dev.consentry.testkit.MovableClock;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How long and how many verified tokens are kept (logic only; the HTTP path is VerifiedTokenCacheTest). */
class VerifiedTokensTest {

    private final MovableClock clock = new MovableClock();
    private final QuarkusSecurityIdentity identity = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("storefront")).addRole(Roles.STOREFRONT).build();

    @Test
    void S_aTokenIsNeverTakenAtOrAfterItsExpiry() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofMinutes(10), 100, clock);
        tokens.put("t", identity, clock.instant().plusSeconds(30));
        clock.advance(Duration.ofSeconds(29));
        assertTrue(tokens.get("t").isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertFalse(tokens.get("t").isPresent(), "expired");
    }

    @Test
    void S_aTokenIsVerifiedAgainOnceTheTtlHasPassed() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 100, clock);
        tokens.put("t", identity, clock.instant().plusSeconds(3600));
        clock.advance(Duration.ofSeconds(59));
        assertTrue(tokens.get("t").isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertFalse(tokens.get("t").isPresent(), "past the ttl");
        tokens.put("expired", identity, clock.instant());
        assertFalse(tokens.get("expired").isPresent(), "a token already expired is not kept");
    }

    @Test
    void perf_theCacheStaysWithinItsSizeAndCanBeTurnedOff() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), 3, clock);
        for (int i = 0; i < 10; i++) {
            tokens.put("t" + i, identity, clock.instant().plusSeconds(600));
            assertTrue(tokens.size() <= 3);
        }
        assertTrue(tokens.get("t9").isPresent(), "the latest is kept");
        VerifiedTokens off = new VerifiedTokens(Duration.ZERO, 3, clock);
        off.put("t", identity, clock.instant().plusSeconds(600));
        assertEquals(0, off.size());
        assertFalse(off.get("t").isPresent());
    }
}
