package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.Complaint;
import dev.consentry.platform.persistence.TenantScopedId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Complaints, by id (always read with their tenant). */
@ApplicationScoped
@WithSession
public class ComplaintRepository implements PanacheRepositoryBase<Complaint, TenantScopedId> {
}
