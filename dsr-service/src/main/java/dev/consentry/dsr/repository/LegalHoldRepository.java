package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.LegalHold;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Each tenant's legal holds, by tenant and data category. */
@ApplicationScoped
@WithSession
public class LegalHoldRepository implements PanacheRepositoryBase<LegalHold, LegalHold.Key> {
}
