package dev.consentry.testkit;

import dev.consentry.devstack.Database;
import dev.consentry.devstack.DevTokens;
import dev.consentry.devstack.KafkaServer;
import dev.consentry.devstack.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Starts, once per test JVM, a real PostgreSQL and a real Kafka broker (or uses the external ones named by
 * {@code CONSENTRY_POSTGRES_URL} / {@code CONSENTRY_KAFKA_BOOTSTRAP}) and points the service under test at them,
 * with token verification against {@link #tokens()}.
 * <p>
 * Init arg {@code database}: the database name (default {@code consentry_test}).
 */
public class TestInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static PostgresServer postgres;
    private static KafkaServer kafka;
    private static final DevTokens TOKENS = new DevTokens();
    private static final String PSEUDONYMIZATION_SECRET = UUID.randomUUID() + "-" + UUID.randomUUID();
    private static final String KEY_ENCRYPTION_KEY = randomKey();

    private String databaseName = "consentry_test";

    @Override
    public void init(Map<String, String> initArgs) {
        databaseName = initArgs.getOrDefault("database", databaseName);
    }

    @Override
    public Map<String, String> start() {
        try {
            Database db = postgres().database(databaseName);
            Map<String, String> config = new HashMap<>();
            config.put("quarkus.datasource.reactive.url", db.reactiveUrl());
            config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
            config.put("quarkus.datasource.username", db.user());
            config.put("quarkus.datasource.password", db.password());
            config.put("kafka.bootstrap.servers", kafka().bootstrapServers());
            config.put("quarkus.oidc.public-key", TOKENS.publicKey());
            config.put("quarkus.oidc.token.audience", DevTokens.AUDIENCE);
            config.put("consentry.pseudonymization.secret", PSEUDONYMIZATION_SECRET);
            config.put("consentry.vault.key-encryption-key", KEY_ENCRYPTION_KEY);
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("test infrastructure did not start", e);
        }
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; closed by the shutdown hook.
    }

    public static synchronized PostgresServer postgres() throws Exception {
        if (postgres == null) {
            postgres = PostgresServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::closeQuietly));
        }
        return postgres;
    }

    public static synchronized KafkaServer kafka() throws Exception {
        if (kafka == null) {
            kafka = KafkaServer.start();
        }
        return kafka;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    public static DevTokens tokens() {
        return TOKENS;
    }

    private static synchronized void closeQuietly() {
        try {
            if (kafka != null) {
                kafka.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        } catch (Exception ignored) {
            // shutting down the JVM anyway
        }
    }
}
