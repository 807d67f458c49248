package dev.consentry.dsr.repository;

import dev.consentry.platform.sql.Columns;
import dev.consentry.platform.sql.NativeQueries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The webhook delivery queue ({@code webhook_delivery}, no entity: rows are claimed and settled by statements). Runs
 * in the caller's session or transaction.
 */
@ApplicationScoped
public class WebhookDeliveryRepository {

    /** One delivery claimed for an attempt. */
    public record Claimed(UUID id, String tenant, String subjectKey, UUID noticeId, String eventId, String payload,
                          int attempts, Instant createdAt) {
    }

    /** A given-up delivery as operators see it: never its payload. */
    public record GivenUp(UUID id, UUID noticeId, String tenant, int attempts, Integer lastStatus, String lastError,
                          Instant createdAt, Instant nextAttemptAt, Instant givenUpAt) {
    }

    public Uni<Void> enqueue(UUID id, String partnerId, String tenant, String subjectKey, UUID noticeId, String eventId,
                             String payloadSealed, Instant now) {
        return NativeQueries.update("""
                INSERT INTO webhook_delivery (id, partner_id, tenant, subject_key, notice_id, event_id, payload_sealed,
                    created_at, next_attempt_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)""", id, partnerId, tenant, subjectKey, noticeId, eventId,
                payloadSealed, now).replaceWithVoid();
    }

    /** Partners with a delivery due at {@code now}. */
    public Uni<List<String>> partnersWithDueDeliveries(Instant now) {
        return NativeQueries.values("""
                SELECT DISTINCT partner_id FROM webhook_delivery
                WHERE delivered_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= ?1""", String.class, now);
    }

    /**
     * Each subject's oldest undelivered notice to {@code partnerId}, if due at {@code now} (at most 50): its next attempt
     * moved to {@code lease}, so that no other round takes it.
     */
    public Uni<List<Claimed>> claimHeads(String partnerId, Instant now, Instant lease) {
        return NativeQueries.rows("""
                        UPDATE webhook_delivery d SET next_attempt_at = ?3
                        WHERE (d.tenant, d.id) IN (SELECT h.tenant, h.id FROM (
                                SELECT DISTINCT ON (tenant, subject_key) tenant, id, next_attempt_at FROM webhook_delivery
                                WHERE partner_id = ?1 AND delivered_at IS NULL AND given_up_at IS NULL
                                ORDER BY tenant, subject_key, seq) h
                            WHERE h.next_attempt_at <= ?2
                            LIMIT 50)
                        RETURNING d.id, d.tenant, d.subject_key, d.notice_id, d.event_id, d.payload_sealed, d.attempts,
                            d.created_at""", partnerId, now, lease)
                .map(rows -> rows.stream().map(r -> new Claimed(Columns.uuid(r[0]), (String) r[1], (String) r[2],
                        Columns.uuid(r[3]), (String) r[4], (String) r[5], ((Number) r[6]).intValue(),
                        Columns.instant(r[7]))).toList());
    }

    /** Delivered: the payload goes. */
    public Uni<Void> delivered(Claimed d, Instant at, int status) {
        return NativeQueries.update("""
                UPDATE webhook_delivery SET delivered_at = ?3, attempts = attempts + 1, last_status = ?4,
                    last_error = NULL, payload_sealed = '' WHERE tenant = ?1 AND id = ?2""", d.tenant(), d.id(), at, status)
                .replaceWithVoid();
    }

    /** A failed attempt, tried again at {@code nextAttemptAt}. */
    public Uni<Void> failed(Claimed d, int status, String error, Instant nextAttemptAt) {
        return NativeQueries.update("""
                UPDATE webhook_delivery SET attempts = attempts + 1, last_status = ?3, last_error = ?4,
                    next_attempt_at = ?5 WHERE tenant = ?1 AND id = ?2""", d.tenant(), d.id(), status, error,
                nextAttemptAt).replaceWithVoid();
    }

    /** Given up: the row stays as the dead letter. */
    public Uni<Void> givenUp(Claimed d, int status, String error, Instant at) {
        return NativeQueries.update("""
                UPDATE webhook_delivery SET attempts = attempts + 1, last_status = ?3, last_error = ?4,
                    given_up_at = ?5 WHERE tenant = ?1 AND id = ?2""", d.tenant(), d.id(), status, error, at)
                .replaceWithVoid();
    }

    /** The partner's given-up deliveries, latest first. */
    public Uni<List<GivenUp>> givenUp(String partnerId, int page, int size) {
        return NativeQueries.rows("""
                        SELECT id, notice_id, tenant, attempts, last_status, last_error, created_at, next_attempt_at,
                            given_up_at
                        FROM webhook_delivery WHERE partner_id = ?1 AND given_up_at IS NOT NULL
                        ORDER BY given_up_at DESC, id LIMIT ?2 OFFSET ?3""", partnerId, size, page * size)
                .map(rows -> rows.stream().map(r -> new GivenUp(Columns.uuid(r[0]), Columns.uuid(r[1]), (String) r[2],
                        ((Number) r[3]).intValue(), r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5],
                        Columns.instant(r[6]), Columns.instant(r[7]), Columns.instant(r[8]))).toList());
    }

    /**
     * A given-up delivery that still has its payload, due again at {@code now}; false if the partner has none such.
     * An operator's action on an installation-wide partner: it names no shop (on a sharded database, the one update of
     * this table that visits every shard).
     */
    public Uni<Boolean> retry(String partnerId, UUID id, Instant now) {
        return NativeQueries.update("""
                UPDATE webhook_delivery SET given_up_at = NULL, next_attempt_at = ?3, created_at = ?3
                WHERE id = ?1 AND partner_id = ?2 AND given_up_at IS NOT NULL AND payload_sealed <> ''""",
                id, partnerId, now).map(n -> n > 0);
    }
}
