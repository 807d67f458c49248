package dev.consentry.audit;

import dev.consentry.audit.service.AuditLog;
import dev.consentry.events.CloudEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Appending straight to the log (what the consumer does, without the broker) and tampering as a DBA could. */
public final class AuditFixtures {

    private AuditFixtures() {
    }

    public static void append(AuditLog log, CloudEvent event) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> log.append(event)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends the events in one transaction, as a consumer's batch is. */
    public static void appendAll(AuditLog log, List<CloudEvent> events) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> log.appendAll("consent", events)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs SQL with the append-only triggers switched off, as someone with the database owner's rights could. */
    public static void tamper(DataSource db, String... statements) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
            s.execute("ALTER TABLE audit_tree_node DISABLE TRIGGER audit_tree_node_append_only");
            try {
                for (String sql : statements) {
                    s.execute(sql);
                }
            } finally {
                s.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only");
                s.execute("ALTER TABLE audit_tree_node ENABLE TRIGGER audit_tree_node_append_only");
            }
        }
    }
}
