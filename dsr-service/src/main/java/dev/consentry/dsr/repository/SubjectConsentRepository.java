package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.SubjectConsent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
@WithSession
public class SubjectConsentRepository implements PanacheRepositoryBase<SubjectConsent, SubjectConsent.Key> {

    public Uni<List<SubjectConsent>> forSubject(String tenant, String subjectKey) {
        return list("key.tenant = ?1 and key.subjectKey = ?2 order by key.purposeId", tenant, subjectKey);
    }
}
