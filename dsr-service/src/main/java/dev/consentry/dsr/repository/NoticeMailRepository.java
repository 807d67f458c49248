package dev.consentry.dsr.repository;

import dev.consentry.platform.sql.Columns;
import dev.consentry.platform.sql.NativeQueries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
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

    /** An answer link: its shop and notice, until when it works, when it was used (null: not yet). */
    public record AnswerLink(String tenant, UUID noticeId, Instant expiresAt, Instant usedAt) {
    }

    public Uni<Void> queue(UUID noticeId, String tenant, String subjectKey, String partnerId, String bodySealed,
                           Instant now, String tokenHash, Instant linkExpiresAt) {
        return NativeQueries.update("""
                        INSERT INTO notice_mail (notice_id, tenant, subject_key, partner_id, body_sealed, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)""", noticeId, tenant, subjectKey, partnerId, bodySealed, now)
                .flatMap(n -> NativeQueries.update("""
                        INSERT INTO notice_answer_link (tenant, token_hash, notice_id, expires_at)
                        VALUES (?1, ?2, ?3, ?4)""", tenant, tokenHash, noticeId, linkExpiresAt))
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
    public Uni<Void> sent(Queued mail, Instant at) {
        return NativeQueries.update("""
                UPDATE notice_mail SET sent_at = ?3, body_sealed = '' WHERE tenant = ?1 AND notice_id = ?2""",
                mail.tenant(), mail.noticeId(), at).replaceWithVoid();
    }

    /** The link with this token hash; locked for the transaction when {@code lock}. */
    /**
     * The link with this token hash in the shop its token names; locked for the transaction when {@code lock}. A link
     * made before tokens named their shop (no tenant) is looked up by its hash alone, until such links have expired.
     */
    public Uni<Optional<AnswerLink>> link(Optional<String> tenant, String tokenHash, boolean lock) {
        String select = "SELECT tenant, notice_id, expires_at, used_at FROM notice_answer_link WHERE ";
        String forUpdate = lock ? " FOR UPDATE" : "";
        Uni<List<Object[]>> rows = tenant.isPresent()
                ? NativeQueries.rows(select + "tenant = ?1 AND token_hash = ?2" + forUpdate, tenant.get(), tokenHash)
                : NativeQueries.rows(select + "token_hash = ?1" + forUpdate, tokenHash);
        return rows.map(found -> found.stream().findFirst().map(r -> new AnswerLink((String) r[0],
                Columns.uuid(r[1]), Columns.instant(r[2]), Columns.instant(r[3]))));
    }

    public Uni<Void> linkUsed(String tenant, String tokenHash, Instant at) {
        return NativeQueries.update("UPDATE notice_answer_link SET used_at = ?3 WHERE tenant = ?1 AND token_hash = ?2",
                tenant, tokenHash, at).replaceWithVoid();
    }
}
