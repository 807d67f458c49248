package dev.consentry.audit.repository;

import dev.consentry.audit.model.AuditCheckpoint;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
@WithSession
public class AuditCheckpointRepository implements PanacheRepositoryBase<AuditCheckpoint, AuditCheckpoint.Key> {

    /** The tenant's latest checkpoint, or null. */
    public Uni<AuditCheckpoint> latest(String tenant) {
        return find("key.tenant = ?1 order by key.treeSize desc", tenant).firstResult();
    }

    public Uni<AuditCheckpoint> atSize(String tenant, long treeSize) {
        return findById(new AuditCheckpoint.Key(tenant, treeSize));
    }

    public Uni<List<AuditCheckpoint>> forTenant(String tenant) {
        return list("key.tenant = ?1 order by key.treeSize", tenant);
    }
}
