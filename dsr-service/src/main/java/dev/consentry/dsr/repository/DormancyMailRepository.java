package dev.consentry.dsr.repository;

import dev.consentry.platform.sql.Columns;
import dev.consentry.platform.sql.NativeQueries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The queue of dormancy notices ({@code dormancy_mail}); statements in the caller's transaction. */
@ApplicationScoped
public class DormancyMailRepository {

    /** A queued notice: its retention step, whose account, and the day the account becomes dormant. */
    public record Queued(UUID actionId, String tenant, String subjectKey, Instant dormantOn) {
    }

    public Uni<Void> queue(UUID actionId, String tenant, String subjectKey, Instant dormantOn) {
        return NativeQueries.update("""
                INSERT INTO dormancy_mail (action_id, tenant, subject_key, dormant_on) VALUES (?1, ?2, ?3, ?4)""",
                actionId, tenant, subjectKey, dormantOn).replaceWithVoid();
    }

    /** The unsent notice due first, locked for this transaction (others skip it). */
    public Uni<Optional<Queued>> claimFirstUnsent() {
        return NativeQueries.rows("""
                        SELECT m.action_id, m.tenant, m.subject_key, m.dormant_on FROM dormancy_mail m
                        WHERE m.sent_at IS NULL ORDER BY m.dormant_on, m.action_id LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .map(rows -> rows.stream().findFirst().map(r -> new Queued(Columns.uuid(r[0]), (String) r[1],
                        (String) r[2], Columns.instant(r[3]))));
    }

    /** Settled: sent, or why not ({@code no_contact}, the subject erased). */
    public Uni<Void> settle(Queued mail, String outcome, Instant at) {
        return NativeQueries.update("""
                UPDATE dormancy_mail SET outcome = ?3, sent_at = ?4 WHERE tenant = ?1 AND action_id = ?2""",
                mail.tenant(), mail.actionId(), outcome, at).replaceWithVoid();
    }
}
