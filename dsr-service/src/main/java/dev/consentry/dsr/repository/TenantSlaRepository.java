package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.TenantSla;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Each tenant's own answer time for requests, by tenant. */
@ApplicationScoped
@WithSession
public class TenantSlaRepository implements PanacheRepositoryBase<TenantSla, String> {
}
