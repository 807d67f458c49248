package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.SubjectLifecycle;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

/** Each customer's account signals (last activity, orders, closing), by tenant and subject key. */
@ApplicationScoped
@WithSession
public class SubjectLifecycleRepository implements PanacheRepositoryBase<SubjectLifecycle, SubjectLifecycle.Key> {
}
