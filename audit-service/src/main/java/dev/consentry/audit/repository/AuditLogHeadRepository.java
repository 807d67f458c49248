package dev.consentry.audit.repository;

import dev.consentry.audit.model.AuditLogHead;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import static dev.consentry.audit.service.EntryHash.GENESIS;

@ApplicationScoped
@WithSession
public class AuditLogHeadRepository implements PanacheRepositoryBase<AuditLogHead, String> {

    /** The tenant's head, locked until the transaction ends; created empty on the tenant's first event. */
    public Uni<AuditLogHead> lockHead(String tenant) {
        return Panache.getSession()
                .flatMap(s -> s.createNativeQuery("INSERT INTO audit_log_head (tenant, size, head_hash) "
                                + "VALUES (?1, 0, ?2) ON CONFLICT DO NOTHING")
                        .setParameter(1, tenant).setParameter(2, GENESIS).executeUpdate())
                .flatMap(ignored -> findById(tenant, LockModeType.PESSIMISTIC_WRITE));
    }
}
