package dev.consentry.consent.service;

import dev.consentry.consent.config.ConsentConfig;
import dev.consentry.consent.model.TenantSetting;
import dev.consentry.consent.repository.TenantSettingRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** A tenant's consent settings (the notice period of C7). */
@ApplicationScoped
public class SettingsService {

    private final ConsentConfig config;
    private final TenantSettingRepository tenantSettings;

    public SettingsService(ConsentConfig config, TenantSettingRepository tenantSettings) {
        this.tenantSettings = tenantSettings;
        this.config = config;
    }

    /** The days between announcing a privacy notice and its taking effect: the tenant's, else the default. */
    @WithSession
    public Uni<Integer> noticePeriodDays(String tenant) {
        return tenantSettings.findById(tenant)
                .map(s -> s == null ? config.defaultNoticePeriodDays() : s.noticePeriodDays);
    }

    @WithTransaction
    public Uni<Integer> putNoticePeriodDays(String tenant, int days) {
        return tenantSettings.findById(tenant).flatMap(existing -> {
            TenantSetting s = existing == null ? new TenantSetting() : existing;
            s.tenant = tenant;
            s.noticePeriodDays = days;
            return tenantSettings.persist(s).map(saved -> saved.noticePeriodDays);
        });
    }
}
