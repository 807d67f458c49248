package dev.consentry.platform.idempotency;

import dev.consentry.platform.config.ConsentryConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/** Deletes stored Idempotency-Key answers older than {@code consentry.idempotency.retention} (default one day). */
@ApplicationScoped
public class IdempotencyRetention {

    private final AgroalDataSource dataSource;
    private final Duration retention;
    private final Clock clock;

    public IdempotencyRetention(AgroalDataSource dataSource, ConsentryConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.retention = config.idempotency().retention();
        this.clock = clock;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() throws SQLException {
        int deleted = deleteExpired();
        if (deleted > 0) {
            Log.infof("Idempotency keys: deleted %d answers older than %s", deleted, retention);
        }
    }

    /** Deletes the expired answers and returns how many. */
    public int deleteExpired() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM idempotency_key WHERE created_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(clock.instant().minus(retention)));
            return delete.executeUpdate();
        }
    }
}
