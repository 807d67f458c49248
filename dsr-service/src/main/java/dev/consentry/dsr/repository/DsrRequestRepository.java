package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.DsrRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
@WithSession
public class DsrRequestRepository implements PanacheRepositoryBase<DsrRequest, UUID> {

    /** The request if it belongs to {@code tenant}; null otherwise, whatever other tenants hold. */
    public Uni<DsrRequest> find(String tenant, UUID id) {
        return find("id = ?1 and tenant = ?2", id, tenant).firstResult();
    }
}
