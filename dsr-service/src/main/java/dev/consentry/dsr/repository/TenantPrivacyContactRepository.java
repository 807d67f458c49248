package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.TenantPrivacyContact;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Each tenant's published privacy contact, by tenant. */
@ApplicationScoped
@WithSession
public class TenantPrivacyContactRepository implements PanacheRepositoryBase<TenantPrivacyContact, String> {
}
