package dev.consentry.testkit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether a service's outbox has sent everything it holds: once it has, its topics hold every event committed so far,
 * and a test can read them to their end instead of waiting to see whether something more arrives.
 */
public final class OutboxProbe {

    private OutboxProbe() {
    }

    /** Waits (at most 30 s) until no row of the service's outbox is waiting to be sent. */
    public static void awaitSent(DataSource serviceDatabase) {
        long deadline = System.nanoTime() + 30_000_000_000L; // an I/O wait: the monotonic clock
        while (unsent(serviceDatabase) > 0) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the outbox still holds unsent events after 30 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static long unsent(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox_message WHERE sent_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox", e);
        }
    }
}
