package dev.consentry.dsr.repository;

import dev.consentry.platform.sql.Columns;
import dev.consentry.platform.sql.NativeQueries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The e-mail partners' queue ({@code notice_mail}) and their answer links ({@code notice_answer_link}, by the hash
 * of the link's token). No entities: rows are queued, claimed and settled by statements in the caller's transaction.
 */
@ApplicationScoped
public class NoticeMailRepository {

    /** A queued e-mail claimed for sending, with the partner's address. */
    public record Queued(UUID noticeId, String tenant, String subjectKey, String bodySealed, String email) {
    }

    /** An answer link: its notice, until when it works, when it was used (null: not yet). */
    public record AnswerLink(UUID noticeId, Instant expiresAt, Instant usedAt) {
    }

    public Uni<Void> queue(UUID noticeId, String tenant, String subjectKey, String partnerId, String bodySealed,
                           Instant now, String tokenHash, Instant linkExpiresAt) {
        return NativeQueries.update("""
                        INSERT INTO notice_mail (notice_id, tenant, subject_key, partner_id, body_sealed, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)""", noticeId, tenant, subjectKey, partnerId, bodySealed, now)
                .flatMap(n -> NativeQueries.update("""
                        INSERT INTO notice_answer_link (token_hash, notice_id, expires_at) VALUES (?1, ?2, ?3)""",
                        tokenHash, noticeId, linkExpiresAt))
                .replaceWithVoid();
    }

    /** The oldest unsent e-mail, locked for this transaction (others skip it). */
    public Uni<Optional<Queued>> claimOldestUnsent() {
        return NativeQueries.rows("""
                        SELECT m.notice_id, m.tenant, m.subject_key, m.body_sealed, p.email FROM notice_mail m
                        JOIN partner p ON p.id = m.partner_id
                        WHERE m.sent_at IS NULL ORDER BY m.created_at LIMIT 1 FOR UPDATE OF m SKIP LOCKED""")
                .map(rows -> rows.stream().findFirst().map(r -> new Queued(Columns.uuid(r[0]), (String) r[1],
                        (String) r[2], (String) r[3], (String) r[4])));
    }

    /** Sent (or no longer sendable): the text goes. */
    public Uni<Void> sent(UUID noticeId, Instant at) {
        return NativeQueries.update("UPDATE notice_mail SET sent_at = ?2, body_sealed = '' WHERE notice_id = ?1",
                noticeId, at).replaceWithVoid();
    }

    /** The link with this token hash; locked for the transaction when {@code lock}. */
    public Uni<Optional<AnswerLink>> link(String tokenHash, boolean lock) {
        return NativeQueries.rows("SELECT notice_id, expires_at, used_at FROM notice_answer_link WHERE token_hash = ?1"
                        + (lock ? " FOR UPDATE" : ""), tokenHash)
                .map(rows -> rows.stream().findFirst().map(r -> new AnswerLink(Columns.uuid(r[0]),
                        Columns.instant(r[1]), Columns.instant(r[2]))));
    }

    public Uni<Void> linkUsed(String tokenHash, Instant at) {
        return NativeQueries.update("UPDATE notice_answer_link SET used_at = ?2 WHERE token_hash = ?1", tokenHash, at)
                .replaceWithVoid();
    }
}
