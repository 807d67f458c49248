package dev.consentry.dsr.service;

import dev.consentry.dsr.model.TenantSla;
import dev.consentry.dsr.repository.TenantSlaRepository;
import dev.consentry.dsr.service.view.SlaSettings;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** The tenant's SLA (R3): applies to requests filed after it is set. */
@ApplicationScoped
public class SlaSettingsService {

    private final TenantSlaRepository slas;

    public SlaSettingsService(TenantSlaRepository slas) {
        this.slas = slas;
    }

    @WithSession
    public Uni<SlaSettings> get(String tenant) {
        return slas.findById(tenant).map(s -> new SlaSettings(s == null ? null : s.slaHours));
    }

    @WithTransaction
    public Uni<SlaSettings> put(String tenant, SlaSettings settings) {
        return slas.findById(tenant).flatMap(existing -> {
            if (settings.slaHours() == null) {
                return (existing == null ? Uni.createFrom().voidItem() : slas.delete(existing))
                        .map(v -> new SlaSettings(null));
            }
            TenantSla sla = existing == null ? new TenantSla() : existing;
            sla.tenant = tenant;
            sla.slaHours = settings.slaHours();
            return slas.persist(sla).map(s -> new SlaSettings(s.slaHours));
        });
    }

    /** The SLA as a duration, or null. Runs in the caller's session. */
    public Uni<Duration> slaOf(String tenant) {
        return slas.findById(tenant).map(s -> s == null ? null : Duration.ofHours(s.slaHours));
    }
}
