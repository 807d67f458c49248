package dev.consentry.platform.problem;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** S6: a limit counts per kind and key within its window, answers 429 with the wait, and forgets after the window. */
class RateLimitsTest {

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-29T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final RateLimits.Limit THREE_A_MINUTE = new RateLimits.Limit("test", 3, Duration.ofMinutes(1));

    @Test
    void S6_theFourthRequestWithinTheWindowIsRefusedWithTheWaitAndTheNextWindowStartsAfresh() {
        MovableClock clock = new MovableClock();
        RateLimits limits = new RateLimits(clock);
        for (int i = 0; i < 3; i++) {
            limits.acquire(THREE_A_MINUTE, "caller-a");
        }
        clock.now = clock.now.plusSeconds(20);
        ProblemException refused = assertThrows(ProblemException.class, () -> limits.acquire(THREE_A_MINUTE, "caller-a"));
        assertEquals(429, refused.problem().status());
        assertEquals(40, refused.retryAfterSeconds(), "the rest of the window");
        assertDoesNotThrow(() -> limits.acquire(THREE_A_MINUTE, "caller-b"), "another key has its own count");

        clock.now = clock.now.plusSeconds(40);
        assertDoesNotThrow(() -> limits.acquire(THREE_A_MINUTE, "caller-a"));
    }
}
