package dev.consentry.dsr.repository;

import dev.consentry.platform.sql.NativeQueries;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts over a tenant's requests and notices for the privacy officer's queue and dashboard, computed in SQL. */
@ApplicationScoped
@WithSession
public class RequestStatisticsRepository {

    /** Open requests per status. */
    public Uni<Map<String, Long>> openByStatus(String tenant) {
        return NativeQueries.rows("""
                SELECT status, count(*) FROM dsr_request WHERE tenant = ?1 AND completed_at IS NULL GROUP BY status
                ORDER BY status""", tenant).map(rows -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
            return counts;
        });
    }

    /** How many open requests are past the shop's due date, past the legal one, and due before {@code soon}. */
    public record Overdue(long overdue, long legallyOverdue, long dueSoon) {
    }

    public Uni<Overdue> overdue(String tenant, Instant now, Instant soon) {
        return NativeQueries.rows("""
                SELECT count(*) FILTER (WHERE due_at < ?2), count(*) FILTER (WHERE legal_due_at < ?2),
                       count(*) FILTER (WHERE due_at >= ?2 AND due_at < ?3)
                FROM dsr_request WHERE tenant = ?1 AND completed_at IS NULL""", tenant, now, soon)
                .map(rows -> new Overdue(((Number) rows.get(0)[0]).longValue(), ((Number) rows.get(0)[1]).longValue(),
                        ((Number) rows.get(0)[2]).longValue()));
    }

    /** Open requests due on each day from {@code from} (inclusive) to {@code to} (exclusive), days of {@code zone}. */
    public Uni<Map<LocalDate, Long>> dueByDay(String tenant, Instant from, Instant to, String zone) {
        return NativeQueries.rows("""
                SELECT to_char(due_at AT TIME ZONE ?4, 'YYYY-MM-DD') AS day, count(*) FROM dsr_request
                WHERE tenant = ?1 AND completed_at IS NULL AND due_at >= ?2 AND due_at < ?3
                GROUP BY day ORDER BY day""", tenant, from, to, zone).map(rows -> {
            Map<LocalDate, Long> counts = new LinkedHashMap<>();
            rows.forEach(row -> counts.put(LocalDate.parse((String) row[0]), ((Number) row[1]).longValue()));
            return counts;
        });
    }

    /** Partner notices awaiting an answer past their reply-by date. */
    public Uni<Long> partnerOverdue(String tenant, Instant now) {
        return NativeQueries.rows("""
                SELECT count(*), 0 FROM partner_notice n JOIN dsr_request r ON r.tenant = n.tenant AND r.id = n.request_id
                WHERE n.tenant = ?1 AND n.replied_at IS NULL AND n.reply_by < ?2 AND r.completed_at IS NULL""",
                tenant, now).map(rows -> ((Number) rows.get(0)[0]).longValue());
    }

    /** The median seconds between sending a notice and its answer, over answers since {@code since}; null if none. */
    public Uni<Double> medianAnswerSeconds(String tenant, Instant since) {
        return NativeQueries.rows("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM replied_at - sent_at)), count(*)
                FROM partner_notice WHERE tenant = ?1 AND replied_at IS NOT NULL AND replied_at >= ?2""", tenant, since)
                .map(rows -> rows.get(0)[0] == null ? null : ((Number) rows.get(0)[0]).doubleValue());
    }
}
