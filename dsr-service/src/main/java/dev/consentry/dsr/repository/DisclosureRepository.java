package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.Disclosure;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class DisclosureRepository implements PanacheRepositoryBase<Disclosure, UUID> {

    public Uni<List<Disclosure>> forSubject(String tenant, String subjectKey) {
        return list("tenant = ?1 and subjectKey = ?2 order by disclosedAt", tenant, subjectKey);
    }
}
