package dev.consentry.platform.security;

import dev.consentry.platform.config.ConsentryConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Identities of access tokens already verified, by the SHA-256 of the token, until the token expires or
 * {@code ttl} has passed, whichever comes first. Bounded: when full, expired entries go first, then everything.
 * Holds hashes, never the tokens.
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Verified(SecurityIdentity identity, Instant until) {
    }

    private final ConcurrentHashMap<String, Verified> byHash = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final int maxSize;
    private final Clock clock;

    @Inject
    public VerifiedTokens(ConsentryConfig config, Clock clock) {
        this(config.security().verifiedTokenTtl(), config.security().verifiedTokenCacheSize(), clock);
    }

    public VerifiedTokens(Duration ttl, int maxSize, Clock clock) {
        this.ttl = ttl;
        this.maxSize = maxSize;
        this.clock = clock;
    }

    public boolean enabled() {
        return !ttl.isZero() && maxSize > 0;
    }

    /** The identity verified for this token, if it was and still holds now. */
    public Optional<SecurityIdentity> get(String token) {
        if (!enabled()) {
            return Optional.empty();
        }
        String hash = hash(token);
        Verified v = byHash.get(hash);
        if (v == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(v.until())) {
            byHash.remove(hash, v);
            return Optional.empty();
        }
        return Optional.of(v.identity());
    }

    /** Keeps the identity the provider verified for this token, until {@code expiresAt} at the latest. */
    public void put(String token, SecurityIdentity identity, Instant expiresAt) {
        if (!enabled() || expiresAt == null) {
            return;
        }
        Instant now = clock.instant();
        Instant until = now.plus(ttl).isBefore(expiresAt) ? now.plus(ttl) : expiresAt;
        if (!now.isBefore(until)) {
            return;
        }
        if (byHash.size() >= maxSize) {
            byHash.values().removeIf(v -> !now.isBefore(v.until()));
            if (byHash.size() >= maxSize) {
                byHash.clear();
            }
        }
        byHash.put(hash(token), new Verified(identity, until));
    }

    public int size() {
        return byHash.size();
    }

    private static String hash(String token) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
