package dev.consentry.consent.repository;

import dev.consentry.consent.model.Purpose;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
@WithSession
public class PurposeRepository implements PanacheRepositoryBase<Purpose, Purpose.Key> {

    public Uni<Purpose> find(String tenant, String purposeId) {
        return findById(new Purpose.Key(tenant, purposeId));
    }

    public Uni<List<Purpose>> listForTenant(String tenant) {
        return list("key.tenant = ?1 order by key.id", tenant);
    }
}
