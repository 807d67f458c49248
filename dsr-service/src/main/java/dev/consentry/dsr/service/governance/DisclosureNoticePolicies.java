package dev.consentry.dsr.service.governance;

import dev.consentry.dsr.model.TenantDisclosurePolicy;
import dev.consentry.dsr.repository.TenantDisclosurePolicyRepository;
import dev.consentry.dsr.service.view.DisclosureNotices;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Whether each tenant tells its customers of each disclosure (R14); off unless set. */
@ApplicationScoped
public class DisclosureNoticePolicies {

    private final TenantDisclosurePolicyRepository disclosurePolicies;

    public DisclosureNoticePolicies(TenantDisclosurePolicyRepository disclosurePolicies) {
        this.disclosurePolicies = disclosurePolicies;
    }

    @WithSession
    public Uni<DisclosureNotices> get(String tenant) {
        return disclosurePolicies.findById(tenant)
                .map(p -> new DisclosureNotices(p != null && p.tellSubject));
    }

    @WithTransaction
    public Uni<DisclosureNotices> put(String tenant, DisclosureNotices notices) {
        return disclosurePolicies.findById(tenant).flatMap(existing -> {
            TenantDisclosurePolicy p = existing != null ? existing : new TenantDisclosurePolicy();
            p.tenant = tenant;
            p.tellSubject = notices.tellSubject();
            return (existing != null ? Uni.createFrom().item(p) : disclosurePolicies.persist(p))
                    .map(saved -> new DisclosureNotices(saved.tellSubject));
        });
    }
}
