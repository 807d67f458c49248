package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.dsr.model.RequestStatus;
import dev.consentry.dsr.model.RequestType;
import dev.consentry.platform.persistence.TenantScopedId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class DsrRequestRepository implements PanacheRepositoryBase<DsrRequest, TenantScopedId> {

    /** Open, running (not paused) requests of every tenant due before {@code instant} not yet warned about. */
    public Uni<List<DsrRequest>> openDueBefore(Instant instant, boolean overdueWarning) {
        return list("completedAt is null and pausedAt is null and dueAt < ?1 and " + (overdueWarning ? "overdueRaisedAt" : "dueSoonRaisedAt")
                + " is null order by dueAt", instant);
    }

    /** What the privacy officer's queue narrows to; a null field does not narrow. */
    public record QueueFilter(Instant dueBefore, RequestType type, RequestStatus status, String jurisdiction) {
    }

    /** One page of the tenant's open requests that match {@code filter}, earliest due first. */
    public Uni<List<DsrRequest>> openForTenant(String tenant, QueueFilter filter, int page, int size) {
        StringBuilder query = new StringBuilder("tenant = ?1 and completedAt is null");
        List<Object> params = new java.util.ArrayList<>(List.of(tenant));
        java.util.function.BiConsumer<String, Object> and = (clause, value) -> {
            if (value != null) {
                params.add(value);
                query.append(" and ").append(clause).append(" ?").append(params.size());
            }
        };
        and.accept("dueAt <", filter.dueBefore());
        and.accept("type =", filter.type());
        and.accept("status =", filter.status());
        and.accept("jurisdiction =", filter.jurisdiction());
        return find(query.append(" order by dueAt, id").toString(), params.toArray()).page(page, size).list();
    }

    /** One page of the subject's requests, open and closed, newest first. */
    public Uni<List<DsrRequest>> ofSubject(String tenant, String subjectKey, int page, int size) {
        return find("tenant = ?1 and subjectKey = ?2 order by receivedAt desc, id", tenant, subjectKey)
                .page(page, size).list();
    }

    /** The request if it belongs to {@code tenant}; null otherwise, whatever other tenants hold. */
    public Uni<DsrRequest> find(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResult();
    }

    /** The subject's verified requests of the given types, oldest first. */
    public Uni<List<DsrRequest>> verifiedForSubject(String tenant, String subjectKey, java.util.Collection<RequestType> types) {
        return list("tenant = ?1 and subjectKey = ?2 and verifiedAt is not null and type in ?3 order by receivedAt",
                tenant, subjectKey, types);
    }
}
