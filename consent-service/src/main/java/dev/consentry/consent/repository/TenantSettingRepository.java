package dev.consentry.consent.repository;

import dev.consentry.consent.model.TenantSetting;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Each tenant's consent settings (the notice period before a new privacy notice takes effect), by tenant. */
@ApplicationScoped
@WithSession
public class TenantSettingRepository implements PanacheRepositoryBase<TenantSetting, String> {
}
