package dev.consentry.consent.service;

import dev.consentry.consent.config.ConsentConfig;
import dev.consentry.consent.model.TenantSetting;
import dev.consentry.consent.rest.dto.SettingsView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** A tenant's consent settings (the notice period of C7). */
@ApplicationScoped
public class SettingsService {

    private final ConsentConfig config;

    public SettingsService(ConsentConfig config) {
        this.config = config;
    }

    @WithSession
    public Uni<SettingsView> get(String tenant) {
        return TenantSetting.<TenantSetting>findById(tenant)
                .map(s -> new SettingsView(s == null ? config.defaultNoticePeriodDays() : s.noticePeriodDays));
    }

    @WithTransaction
    public Uni<SettingsView> put(String tenant, SettingsView settings) {
        return TenantSetting.<TenantSetting>findById(tenant).flatMap(existing -> {
            TenantSetting s = existing == null ? new TenantSetting() : existing;
            s.tenant = tenant;
            s.noticePeriodDays = settings.noticePeriodDays();
            return s.<TenantSetting>persist().map(saved -> new SettingsView(saved.noticePeriodDays));
        });
    }
}
