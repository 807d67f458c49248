package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.TenantDisclosurePolicy;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Each tenant's settings for notices about disclosures, by tenant. */
@ApplicationScoped
@WithSession
public class TenantDisclosurePolicyRepository implements PanacheRepositoryBase<TenantDisclosurePolicy, String> {
}
