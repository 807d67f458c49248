package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.Disclosure;
import dev.consentry.platform.persistence.TenantScopedId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class DisclosureRepository implements PanacheRepositoryBase<Disclosure, TenantScopedId> {

    public Uni<List<Disclosure>> forSubject(String tenant, String subjectKey) {
        return list("tenant = ?1 and subjectKey = ?2 order by disclosedAt", tenant, subjectKey);
    }

    /** One page of the subject's ledger, oldest first. */
    public Uni<List<Disclosure>> forSubject(String tenant, String subjectKey, int page, int size) {
        return find("tenant = ?1 and subjectKey = ?2 order by disclosedAt, id", tenant, subjectKey).page(page, size).list();
    }
}
