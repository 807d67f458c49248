package dev.consentry.platform.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The platform's settings, shared by every service ({@code consentry.*}; in the environment {@code CONSENTRY_*}).
 * Defaults live here and in the platform's microprofile-config.properties.
 */
@ConfigMapping(prefix = "consentry")
public interface ConsentryConfig {

    Security security();

    Http http();

    Events events();

    Outbox outbox();

    Pseudonymization pseudonymization();

    Vault vault();

    Idempotency idempotency();

    interface Security {
        /** Name of the verified token's claim that carries the tenant (shop) id. Roles: quarkus.oidc.roles.role-claim-path. */
        @WithDefault("tenant")
        String tenantClaim();

        /**
         * Name of the claim that carries a customer's id as the shop knows it, in a {@code subject} token. {@code sub}
         * suits providers that issue the shop's own customer ids; with others (Keycloak's {@code sub} is a UUID the
         * shop never saw) map the shop's id into a claim of its own and name it here.
         */
        @WithDefault("sub")
        String subjectClaim();

        /** Name of the claim that carries a partner's id in a {@code partner} token (answers over HTTP). */
        @WithDefault("partner_id")
        String partnerClaim();

        /**
         * How long a verified access token is taken again without verifying its signature and claims anew (never past
         * its own expiry). Bounds how long a token signed with a key the provider has since withdrawn keeps working.
         * {@code 0s} turns the cache off.
         */
        @WithDefault("60s")
        Duration verifiedTokenTtl();

        /** How many verified tokens a replica keeps at most (each a few kilobytes). */
        @WithDefault("10000")
        int verifiedTokenCacheSize();
    }

    interface Http {
        /**
         * The largest body an endpoint takes unless it declares its own ({@code @MaxBodySize}, the bulk import): a
         * larger declared length is refused before it is read, a chunked body once it passes the limit (413 problem).
         */
        @WithDefault("256K")
        MemorySize maxJsonBodySize();

        /** Requests a minute one client address may make to the public endpoints (S6); more get a 429 problem. */
        @WithDefault("300")
        int publicRequestsPerMinute();
    }

    interface Events {
        /** CloudEvent {@code source} of this service. */
        @WithDefault("/consentry/${quarkus.application.name}")
        String source();
    }

    interface Outbox {
        /** Whether this instance relays the outbox (any number of replicas may; one relays at a time). */
        @WithDefault("true")
        boolean relayEnabled();

        /**
         * The longest the relay waits between two looks at the outbox. A commit that wrote outbox rows wakes it at
         * once (PostgreSQL {@code NOTIFY}); the poll only catches what a lost connection missed.
         */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * After a commit wakes the relay it waits this long before reading the outbox, so that one read carries the
         * rows of many commits. Adds at most this much to an event's latency.
         */
        @WithDefault("20ms")
        Duration linger();

        /** Rows read and published per round trip. */
        @WithDefault("500")
        int batchSize();

        /**
         * While a backlog lasts, how many sent rows may wait for the broker's acknowledgement while the relay reads
         * and sends the next ones.
         */
        @WithDefault("2000")
        int maxInFlight();

        /** How long one send may wait for the broker before the batch is retried on the next poll. */
        @WithDefault("10s")
        Duration sendTimeout();
    }

    interface Idempotency {
        /** How long a first answer is kept for retries with the same Idempotency-Key; then the row is deleted. */
        @WithDefault("P1D")
        Duration retention();
    }

    interface Pseudonymization {
        /**
         * Secret of the keyed hash (HMAC-SHA256) that turns a subject id into a subject key; at least 32 bytes. All
         * services of one installation share it; changing it unlinks existing records from their subjects.
         */
        String secret();
    }

    interface Vault {
        /**
         * Base64 of 32 random bytes (e.g. {@code openssl rand -base64 32}): the AES-256 key that wraps every subject's
         * data key. Keep it in a secret; losing it makes every sealed value unreadable.
         */
        String keyEncryptionKey();
    }
}
