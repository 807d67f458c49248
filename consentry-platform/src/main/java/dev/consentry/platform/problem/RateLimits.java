package dev.consentry.platform.problem;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * S6: fixed-window rate limits per kind of request and per key (a caller, a subject, a client address), answered with
 * a 429 problem and {@code Retry-After}. Counters live in each replica's memory, so a limit of n is at most n per
 * replica; windows are short, and a restart forgets them (the hard limits — five wrong codes lock a code, five codes
 * per request — are kept in the database). Keys are keyed hashes or principals, never a personal value in the clear.
 */
@ApplicationScoped
public class RateLimits {

    /** One kind of limited request: at most {@code max} within {@code window} per key. */
    public record Limit(String name, int max, Duration window) {
    }

    private record Window(long start, long length, int count) {
        boolean over(long now) {
            return now - start >= length;
        }
    }

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    public RateLimits(Clock clock) {
        this.clock = clock;
    }

    /** Counts one request of {@code limit} for {@code key}; a 429 problem when the window is used up. */
    public void acquire(Limit limit, String key) {
        long now = clock.millis();
        long windowMillis = limit.window().toMillis();
        Window counted = windows.compute(limit.name() + '\u0000' + key, (k, w) ->
                w == null || w.over(now) ? new Window(now, windowMillis, 1) : new Window(w.start(), windowMillis, w.count() + 1));
        if (counted.count() > limit.max()) {
            long retryAfter = (counted.start() + windowMillis - now + 999) / 1000;
            throw ProblemException.tooManyRequests("At most " + limit.max() + " of these per " + limit.window().toSeconds()
                    + " s; try again later.", retryAfter);
        }
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w.over(now));
        }
    }
}
