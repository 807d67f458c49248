package dev.consentry.consent.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.consentry.platform.config.ConsentryConfig;
import dev.consentry.platform.problem.Problem;
import dev.consentry.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Short-lived tokens that let one visitor's browser record and read that visitor's own consents through the consent
 * banner (U3), and nothing else: the storefront's backend mints one with its own credential, the browser never holds
 * that credential. A token names its tenant, its one subject (the visitor id the storefront chose) and its expiry, and
 * is signed with HMAC-SHA256 under a key derived from the installation's pseudonymization secret (label
 * "consentry visitor tokens v1"), so every replica verifies it without shared state. Form:
 * {@code cv1.<base64url JSON {t, s, exp}>.<base64url MAC>}.
 */
@ApplicationScoped
public class VisitorTokens {

    /** The header the banner sends its token in (not Authorization: no OIDC token, no cookie). */
    public static final String HEADER = "Consentry-Visitor";
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(30);
    public static final Duration MAX_LIFETIME = Duration.ofHours(2);
    private static final String PREFIX = "cv1.";
    private static final String ALGORITHM = "HmacSHA256";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whom a valid token lets the browser act for, until when. */
    public record Visitor(String tenant, String subjectId, Instant expiresAt) {
    }

    private final SecretKeySpec key;
    private final Clock clock;

    public VisitorTokens(ConsentryConfig config, Clock clock) {
        this.clock = clock;
        try {
            Mac derive = Mac.getInstance(ALGORITHM);
            derive.init(new SecretKeySpec(config.pseudonymization().secret().getBytes(StandardCharsets.UTF_8), ALGORITHM));
            this.key = new SecretKeySpec(derive.doFinal("consentry visitor tokens v1".getBytes(StandardCharsets.UTF_8)),
                    ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** A token for {@code subjectId} of {@code tenant}, valid for {@code lifetime}. */
    public Minted mint(String tenant, String subjectId, Duration lifetime) {
        Instant expires = clock.instant().plus(lifetime).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        try {
            String payload = b64(JSON.writeValueAsBytes(Map.of("t", tenant, "s", subjectId, "exp", expires.getEpochSecond())));
            return new Minted(PREFIX + payload + "." + b64(mac(payload)), expires);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Minted(String token, Instant expiresAt) {
    }

    /** The visitor a token stands for; a 401 problem for a missing, forged or expired one. */
    public Visitor verify(String token) {
        if (token == null || token.isBlank()) {
            throw refused("visitor-token-missing", "The banner's calls need the visitor token in the " + HEADER + " header.");
        }
        String[] parts = token.strip().split("\\.");
        if (parts.length != 3 || !(parts[0] + ".").equals(PREFIX)) {
            throw refused("visitor-token-invalid", "This is not a visitor token.");
        }
        try {
            if (!MessageDigest.isEqual(mac(parts[1]), Base64.getUrlDecoder().decode(parts[2]))) {
                throw refused("visitor-token-invalid", "The visitor token's signature does not verify.");
            }
            Map<?, ?> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
            Instant expires = Instant.ofEpochSecond(((Number) claims.get("exp")).longValue());
            if (!clock.instant().isBefore(expires)) {
                throw refused("visitor-token-expired", "The visitor token has expired; the storefront mints a new one.");
            }
            return new Visitor((String) claims.get("t"), (String) claims.get("s"), expires);
        } catch (IllegalArgumentException | java.io.IOException | ClassCastException | NullPointerException e) {
            throw refused("visitor-token-invalid", "This is not a visitor token.");
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ProblemException refused(String slug, String detail) {
        return new ProblemException(Problem.of(401, slug, "Unauthorized", detail));
    }
}
