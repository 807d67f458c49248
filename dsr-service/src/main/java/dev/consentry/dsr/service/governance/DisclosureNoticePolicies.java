package dev.consentry.dsr.service.governance;

import dev.consentry.dsr.model.TenantDisclosurePolicy;
import dev.consentry.dsr.rest.dto.DisclosureNotices;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Whether each tenant tells its customers of each disclosure (R14); off unless set. */
@ApplicationScoped
public class DisclosureNoticePolicies {

    @WithSession
    public Uni<DisclosureNotices> get(String tenant) {
        return TenantDisclosurePolicy.<TenantDisclosurePolicy>findById(tenant)
                .map(p -> new DisclosureNotices(p != null && p.tellSubject));
    }

    @WithTransaction
    public Uni<DisclosureNotices> put(String tenant, DisclosureNotices notices) {
        return TenantDisclosurePolicy.<TenantDisclosurePolicy>findById(tenant).flatMap(existing -> {
            TenantDisclosurePolicy p = existing != null ? existing : new TenantDisclosurePolicy();
            p.tenant = tenant;
            p.tellSubject = notices.tellSubject();
            return (existing != null ? Uni.createFrom().item(p) : p.<TenantDisclosurePolicy>persist())
                    .map(saved -> new DisclosureNotices(saved.tellSubject));
        });
    }
}
