package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.PurposeTerms;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

/** The terms of each purpose as consent-service announced them, by tenant and purpose. */
@ApplicationScoped
@WithSession
public class PurposeTermsRepository implements PanacheRepositoryBase<PurposeTerms, PurposeTerms.Key> {
}
