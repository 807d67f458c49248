package dev.consentry.console.service;

import dev.consentry.console.config.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions of the development login, held on the server: the browser gets only a random session id in an HttpOnly
 * cookie, never the token. A session ends at logout, after the idle timeout, or when its token expires.
 */
@ApplicationScoped
public class OfficerSessions {

    public static final String COOKIE = "consentry_console";

    /** One signed-in officer: their token and when the session was last used. */
    static final class Session {
        final String token;
        final TokenClaims claims;
        volatile Instant lastSeen;

        Session(String token, TokenClaims claims, Instant now) {
            this.token = token;
            this.claims = claims;
            this.lastSeen = now;
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final ConsoleConfig config;
    private final Clock clock;

    public OfficerSessions(ConsoleConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Opens a session for {@code token}; returns its id (the cookie's value). */
    public String open(String token, TokenClaims claims) {
        Instant now = clock.instant();
        sessions.entrySet().removeIf(e -> expired(e.getValue(), now));
        byte[] id = new byte[32];
        random.nextBytes(id);
        String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        sessions.put(sessionId, new Session(token, claims, now));
        return sessionId;
    }

    /** The live session {@code id} names, touched; empty (and forgotten) if it expired. */
    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        Instant now = clock.instant();
        if (session == null) {
            return Optional.empty();
        }
        if (expired(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        session.lastSeen = now;
        return Optional.of(session);
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private boolean expired(Session session, Instant now) {
        return session.lastSeen.plus(config.devLogin().idleTimeout()).isBefore(now)
                || (session.claims.expiresAt() != null && !session.claims.expiresAt().isAfter(now));
    }
}
