package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.RetentionRule;
import dev.consentry.dsr.model.TenantDormancy;
import dev.consentry.dsr.service.retention.ActionKinds;
import dev.consentry.dsr.service.retention.DueStep;
import dev.consentry.dsr.service.retention.Triggers;
import dev.consentry.events.data.ErasureNotice;
import dev.consentry.platform.sql.Columns;
import dev.consentry.platform.sql.NativeQueries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the retention steps due at an instant (R9, R10), in SQL over the indexed dates, leaving out every step already
 * taken (its {@code retention_action} row). Each query either lists up to a limit, oldest first, or counts. Column
 * names come from {@link Triggers}, never from input. Runs in the caller's session.
 */
@ApplicationScoped
public class DueStepRepository {

    /** Leaves out a step taken already: %1$s the table alias, %2$s the rule id, %3$s the start of the period. */
    private static final String NOT_TAKEN = " AND NOT EXISTS (SELECT 1 FROM retention_action a WHERE a.tenant = %1$s.tenant"
            + " AND a.subject_key = %1$s.subject_key AND a.rule_id = %2$s AND a.started_at = %3$s)";

    /** The steps of one rule whose period has passed at {@code now}: up to {@code limit}, oldest first. */
    public Uni<List<DueStep>> forRule(RetentionRule rule, Instant now, int limit) {
        Period period = Period.parse(rule.period);
        Query q = ruleQuery(rule, minus(now, period));
        String kind = "anonymise".equals(rule.action) ? ActionKinds.RULE_ANONYMISATION : ActionKinds.RULE_ERASURE;
        String method = "anonymise".equals(rule.action) ? ErasureNotice.ANONYMISE : ErasureNotice.ERASE;
        return q.list(limit).map(rows -> rows.stream().map(row -> {
            Instant started = Columns.instant(row[1]);
            return new DueStep(rule.key.tenant(), (String) row[0], rule.key.id(), kind, rule.trigger, started,
                    plus(started, period), List.of(rule.categories), method, rule.purpose, null);
        }).toList());
    }

    public Uni<Long> countForRule(RetentionRule rule, Instant now) {
        return ruleQuery(rule, minus(now, Period.parse(rule.period))).count();
    }

    private static Query ruleQuery(RetentionRule rule, Instant threshold) {
        String decision = Triggers.consentDecision(rule.trigger);
        if (decision != null) {
            // the decision in force per subject: the latest of the purpose's decisions (primary key order)
            return new Query("""
                    (SELECT DISTINCT ON (subject_key) tenant, subject_key, decision, decided_at FROM subject_consent_event
                     WHERE tenant = ?1 AND purpose_id = ?3 ORDER BY subject_key, decided_at DESC) c""",
                    "c.subject_key, c.decided_at", "c.decided_at <= ?2 AND c.decision = ?4"
                    + NOT_TAKEN.formatted("c", "?5", "c.decided_at"), "c.decided_at, c.subject_key",
                    List.of(rule.key.tenant(), threshold, rule.purpose, decision, rule.key.id()));
        }
        String column = "l." + Triggers.lifecycleColumn(rule.trigger);
        return new Query("subject_lifecycle l", "l.subject_key, " + column, "l.tenant = ?1 AND " + column + " <= ?2"
                + NOT_TAKEN.formatted("l", "?3", column), column + ", l.subject_key",
                List.of(rule.key.tenant(), threshold, rule.key.id()));
    }

    /** Legal holds kept by completed erasures whose date has passed ({@code tenant} null: every tenant). */
    public Uni<List<DueStep>> endedHolds(String tenant, Instant now, int limit) {
        return holdQuery(tenant, now).list(limit).map(rows -> rows.stream().map(row -> new DueStep((String) row[0],
                (String) row[1], ActionKinds.holdRule(Columns.uuid(row[2]), (String) row[3]), ActionKinds.HOLD_ENDED,
                Triggers.HOLD_PLACED, Columns.instant(row[5]), Columns.instant(row[4]), List.of((String) row[3]), ErasureNotice.ERASE,
                null, Columns.uuid(row[2]))).toList());
    }

    public Uni<Long> countEndedHolds(String tenant, Instant now) {
        return holdQuery(tenant, now).count();
    }

    private static Query holdQuery(String tenant, Instant now) {
        List<Object> params = new ArrayList<>(List.of(now));
        String where = """
                r.retained IS NOT NULL AND r.completed_at IS NOT NULL AND r.status IN ('completed', 'partially_completed')
                 AND h.until_at <= ?1""" + NOT_TAKEN.formatted("r",
                "'hold:' || r.id::text || ':' || h.category", "r.received_at");
        if (tenant != null) {
            where += " AND r.tenant = ?2";
            params.add(tenant);
        }
        return new Query("""
                dsr_request r CROSS JOIN LATERAL (SELECT e->>'category' AS category,
                    (e->>'until')::timestamptz AS until_at FROM jsonb_array_elements(r.retained::jsonb) e) h""",
                "r.tenant, r.subject_key, r.id, h.category, h.until_at, r.received_at", where, "h.until_at, r.id", params);
    }

    /** The dormancy steps of one tenant due at {@code now}, in the order notice, separation, erasure. */
    public Uni<List<DueStep>> dormancy(TenantDormancy policy, Instant now, int limit) {
        List<DueStep> due = new ArrayList<>();
        Period inactive = Period.parse(policy.inactiveFor);
        Period notice = Period.parse(policy.noticeBefore);
        Period erase = Period.parse(policy.eraseAfter);
        return noticeQuery(policy, now).list(limit).invoke(rows -> rows.forEach(row -> {
                    Instant started = Columns.instant(row[1]);
                    due.add(dormancyStep(policy, row, ActionKinds.DORMANCY_NOTICE_RULE, ActionKinds.DORMANCY_NOTICE,
                            minus(plus(started, inactive), notice)));
                }))
                .flatMap(x -> separationQuery(policy, now).list(limit - due.size()))
                .invoke(rows -> rows.forEach(row -> {
                    Instant started = Columns.instant(row[1]);
                    Instant noticed = Columns.instant(row[2]);
                    Instant due1 = plus(started, inactive);
                    Instant due2 = plus(noticed, notice);
                    due.add(dormancyStep(policy, row, ActionKinds.DORMANCY_SEPARATION_RULE,
                            ActionKinds.DORMANCY_SEPARATION, due1.isAfter(due2) ? due1 : due2));
                }))
                .flatMap(x -> erasureQuery(policy, now).list(limit - due.size()))
                .invoke(rows -> rows.forEach(row -> due.add(dormancyStep(policy, row, ActionKinds.DORMANCY_ERASURE_RULE,
                        ActionKinds.DORMANCY_ERASURE, plus(Columns.instant(row[2]), erase)))))
                .map(x -> due);
    }

    /** How many of each dormancy step (notice, separation, erasure) are due at {@code now}. */
    public Uni<List<Long>> countDormancy(TenantDormancy policy, Instant now) {
        return noticeQuery(policy, now).count()
                .flatMap(a -> separationQuery(policy, now).count()
                        .flatMap(b -> erasureQuery(policy, now).count().map(c -> List.of(a, b, c))));
    }

    private static DueStep dormancyStep(TenantDormancy policy, Object[] row, String ruleId, String kind, Instant dueAt) {
        return new DueStep(policy.tenant, (String) row[0], ruleId, kind, Triggers.LAST_ACTIVITY, Columns.instant(row[1]), dueAt,
                List.of(), ErasureNotice.ERASE, null, null);
    }

    private static Query noticeQuery(TenantDormancy policy, Instant now) {
        Instant threshold = plus(minus(now, Period.parse(policy.inactiveFor)), Period.parse(policy.noticeBefore));
        return new Query("subject_lifecycle l", "l.subject_key, l.last_activity_at", """
                l.tenant = ?1 AND l.account_closed_at IS NULL AND l.last_activity_at <= ?2"""
                + NOT_TAKEN.formatted("l", "'" + ActionKinds.DORMANCY_NOTICE_RULE + "'", "l.last_activity_at"),
                "l.last_activity_at, l.subject_key", List.of(policy.tenant, threshold));
    }

    private static Query separationQuery(TenantDormancy policy, Instant now) {
        return new Query("""
                subject_lifecycle l JOIN retention_action n ON n.tenant = l.tenant AND n.subject_key = l.subject_key
                    AND n.rule_id = '%s' AND n.started_at = l.last_activity_at""".formatted(ActionKinds.DORMANCY_NOTICE_RULE),
                "l.subject_key, l.last_activity_at, n.acted_at", """
                l.tenant = ?1 AND l.account_closed_at IS NULL AND l.last_activity_at <= ?2 AND n.acted_at <= ?3"""
                + NOT_TAKEN.formatted("l", "'" + ActionKinds.DORMANCY_SEPARATION_RULE + "'", "l.last_activity_at"),
                "l.last_activity_at, l.subject_key", List.of(policy.tenant, minus(now, Period.parse(policy.inactiveFor)),
                minus(now, Period.parse(policy.noticeBefore))));
    }

    private static Query erasureQuery(TenantDormancy policy, Instant now) {
        return new Query("""
                subject_lifecycle l JOIN retention_action s ON s.tenant = l.tenant AND s.subject_key = l.subject_key
                    AND s.rule_id = '%s' AND s.started_at = l.last_activity_at""".formatted(
                        ActionKinds.DORMANCY_SEPARATION_RULE),
                "l.subject_key, l.last_activity_at, s.acted_at", "l.tenant = ?1 AND s.acted_at <= ?2"
                + NOT_TAKEN.formatted("l", "'" + ActionKinds.DORMANCY_ERASURE_RULE + "'", "l.last_activity_at"),
                "l.last_activity_at, l.subject_key", List.of(policy.tenant, minus(now, Period.parse(policy.eraseAfter))));
    }

    static Instant minus(Instant at, Period period) {
        return ZonedDateTime.ofInstant(at, ZoneOffset.UTC).minus(period).toInstant();
    }

    static Instant plus(Instant at, Period period) {
        return ZonedDateTime.ofInstant(at, ZoneOffset.UTC).plus(period).toInstant();
    }



    /** A due-step query: FROM, SELECT list, WHERE (positional parameters), ORDER BY. */
    private record Query(String from, String select, String where, String orderBy, List<Object> params) {

        Uni<List<Object[]>> list(int limit) {
            if (limit <= 0) {
                return Uni.createFrom().item(List.of());
            }
            String sql = "SELECT " + select + " FROM " + from + " WHERE " + where + " ORDER BY " + orderBy
                    + " LIMIT " + limit;
            return NativeQueries.rows(sql, params.toArray());
        }

        Uni<Long> count() {
            String sql = "SELECT count(*) FROM " + from + " WHERE " + where;
            return NativeQueries.values(sql, Long.class, params.toArray()).map(counts -> counts.get(0));
        }
    }
}
