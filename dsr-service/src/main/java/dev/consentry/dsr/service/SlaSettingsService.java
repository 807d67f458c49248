package dev.consentry.dsr.service;

import dev.consentry.dsr.model.TenantSla;
import dev.consentry.dsr.rest.dto.SlaSettings;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** The tenant's SLA (R3): applies to requests filed after it is set. */
@ApplicationScoped
public class SlaSettingsService {

    @WithSession
    public Uni<SlaSettings> get(String tenant) {
        return TenantSla.<TenantSla>findById(tenant).map(s -> new SlaSettings(s == null ? null : s.slaHours));
    }

    @WithTransaction
    public Uni<SlaSettings> put(String tenant, SlaSettings settings) {
        return TenantSla.<TenantSla>findById(tenant).flatMap(existing -> {
            if (settings.slaHours() == null) {
                return (existing == null ? Uni.createFrom().voidItem() : existing.delete())
                        .map(v -> new SlaSettings(null));
            }
            TenantSla sla = existing == null ? new TenantSla() : existing;
            sla.tenant = tenant;
            sla.slaHours = settings.slaHours();
            return sla.<TenantSla>persist().map(s -> new SlaSettings(s.slaHours));
        });
    }

    /** The SLA as a duration, or null. Runs in the caller's session. */
    public Uni<Duration> slaOf(String tenant) {
        return TenantSla.<TenantSla>findById(tenant).map(s -> s == null ? null : Duration.ofHours(s.slaHours));
    }
}
