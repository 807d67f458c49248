package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.TenantDormancy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Each tenant's dormant-account policy, by tenant. */
@ApplicationScoped
@WithSession
public class TenantDormancyRepository implements PanacheRepositoryBase<TenantDormancy, String> {
}
