package dev.consentry.platform.outbox;

import dev.consentry.platform.config.ConsentryConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Runs the {@link OutboxRelay} on its own thread: it relays whatever is pending, then waits on one database
 * connection for the {@code consentry_outbox} notification that a commit with outbox rows sends (platform migration
 * V3), or at most {@code consentry.outbox.poll-interval}. An event is therefore on Kafka a few milliseconds after its
 * transaction commits ({@code consentry.outbox.linger} lets the commits of the next moment share the round), and the
 * poll still catches anything a lost connection missed. Every replica listens; the one whose connection holds the
 * relay's advisory lock publishes, and another takes over when it stops or its connection dies.
 */
@ApplicationScoped
public class OutboxRelayLoop {

    static final String CHANNEL = "consentry_outbox";
    /** How often a waiting relay checks whether the service is stopping. */
    private static final int STOP_CHECK_MILLIS = 500;
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private final OutboxRelay relay;
    private final AgroalDataSource dataSource;
    private final ConsentryConfig.Outbox config;
    private volatile boolean running;
    private Thread thread;

    public OutboxRelayLoop(OutboxRelay relay, AgroalDataSource dataSource, ConsentryConfig config) {
        this.relay = relay;
        this.dataSource = dataSource;
        this.config = config.outbox();
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            Log.info("Outbox relay disabled on this instance (consentry.outbox.relay-enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::run, "consentry-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(SHUTDOWN_WAIT.toMillis());
        }
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                listen(connection);
                boolean leading = false;
                try {
                    PGConnection notifications = connection.unwrap(PGConnection.class);
                    while (running) {
                        // the replica holding the relay's lock relays; the others wait to take over when it lets go
                        leading = leading || relay.tryLead(connection);
                        if (leading) {
                            relay.relayPending(connection);
                        }
                        awaitWakeup(notifications);
                    }
                } finally {
                    release(connection, leading);
                }
            } catch (SQLException e) {
                Log.warnf("Outbox relay could not reach the database (%s); retrying in %s", e.getSQLState(),
                        config.pollInterval());
                pause(config.pollInterval());
            } catch (RuntimeException e) {
                Log.errorf("Outbox relay round failed (%s); retrying in %s", e.getClass().getSimpleName(),
                        config.pollInterval());
                pause(config.pollInterval());
            }
        }
    }

    private static void listen(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + CHANNEL);
        }
    }

    /**
     * Gives the connection back to the pool as it found it: without the relay's lock (another replica takes over) and
     * without listening. If the connection is broken, the database has already released both with its session.
     */
    private void release(Connection connection, boolean leading) {
        try (Statement unlisten = connection.createStatement()) {
            if (leading) {
                relay.stepDown(connection);
            }
            unlisten.execute("UNLISTEN " + CHANNEL);
        } catch (SQLException e) {
            Log.debugf("Outbox relay: connection already gone when letting go (%s)", e.getSQLState());
        }
    }

    /** Returns when a commit notifies, the poll interval has passed, or the service is stopping. */
    private void awaitWakeup(PGConnection connection) throws SQLException {
        long deadline = System.nanoTime() + config.pollInterval().toNanos();
        while (running) {
            long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                return;
            }
            // getNotifications(0) would block forever, so the wait is at least one millisecond
            PGNotification[] received = connection.getNotifications((int) Math.max(1, Math.min(leftMillis, STOP_CHECK_MILLIS)));
            if (received != null && received.length > 0) {
                // let the commits of the next few milliseconds join this round: one read for many commits' rows
                pause(config.linger());
                return;
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
