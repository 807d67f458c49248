package dev.consentry.audit.repository;

import dev.consentry.audit.model.AuditLogHead;
import dev.consentry.audit.verifier.Rfc9162;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Base64;
import java.util.List;

@ApplicationScoped
@WithSession
public class AuditLogHeadRepository implements PanacheRepositoryBase<AuditLogHead, String> {

    private static final String EMPTY_ROOT = Base64.getEncoder().encodeToString(Rfc9162.emptyRoot());

    /** The tenant's head, locked until the transaction ends; created empty on the tenant's first event. */
    public Uni<AuditLogHead> lockHead(String tenant) {
        return Panache.getSession()
                .flatMap(s -> s.createNativeQuery("INSERT INTO audit_log_head (tenant, size, root_hash, frontier) "
                                + "VALUES (?1, 0, ?2, '{}') ON CONFLICT DO NOTHING")
                        .setParameter(1, tenant).setParameter(2, EMPTY_ROOT).executeUpdate())
                .flatMap(ignored -> findById(tenant, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Tenants whose log grew since their latest checkpoint (or that have none). */
    public Uni<List<String>> tenantsAheadOfCheckpoint() {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        SELECT h.tenant FROM audit_log_head h
                        WHERE h.size > COALESCE((SELECT max(c.tree_size) FROM audit_checkpoint c WHERE c.tenant = h.tenant), 0)
                        ORDER BY h.tenant""", String.class).getResultList());
    }
}
