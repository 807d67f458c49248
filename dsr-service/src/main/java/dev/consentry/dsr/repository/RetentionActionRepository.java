package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.RetentionAction;
import dev.consentry.platform.persistence.TenantScopedId;
import dev.consentry.platform.sql.NativeQueries;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class RetentionActionRepository implements PanacheRepositoryBase<RetentionAction, TenantScopedId> {

    /**
     * Claims a step: inserts its row unless the same step (rule, subject, start of the period) was taken already.
     * False when it was; a concurrent claim waits for the other transaction and then sees it. Caller's transaction.
     */
    public Uni<Boolean> claim(RetentionAction a) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        INSERT INTO retention_action (id, tenant, subject_key, rule_id, kind, started_at, due_at, acted_at,
                            categories, outcome, request_id)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                        ON CONFLICT (tenant, subject_key, rule_id, started_at) DO NOTHING""")
                .setParameter(1, a.id).setParameter(2, a.tenant).setParameter(3, a.subjectKey)
                .setParameter(4, a.ruleId).setParameter(5, a.kind).setParameter(6, a.startedAt)
                .setParameter(7, a.dueAt).setParameter(8, a.actedAt).setParameter(9, a.categories)
                .setParameter(10, a.outcome).setParameter(11, a.requestId)
                .executeUpdate()).map(n -> n > 0);
    }

    /** Records how a claimed step ended. */
    public Uni<Void> settle(RetentionAction a) {
        return NativeQueries.update("UPDATE retention_action SET outcome = ?3, request_id = ?4 WHERE tenant = ?1 AND id = ?2",
                a.tenant, a.id, a.outcome, a.requestId).replaceWithVoid();
    }

    /** The dormancy steps of the chain that started at {@code lastActivity}. */
    public Uni<List<RetentionAction>> dormancyChain(String tenant, String subjectKey, Instant lastActivity) {
        return list("tenant = ?1 and subjectKey = ?2 and startedAt = ?3 and ruleId like 'dormancy:%' order by actedAt",
                tenant, subjectKey, lastActivity);
    }

    /** The ends of the legal holds an erasure request kept. */
    public Uni<List<RetentionAction>> holdEnds(String tenant, UUID requestId) {
        return list("tenant = ?1 and ruleId like ?2 order by actedAt", tenant, "hold:" + requestId + ":%");
    }
}
