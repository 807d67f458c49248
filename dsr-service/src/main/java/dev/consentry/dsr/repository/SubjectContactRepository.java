package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.SubjectContact;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class SubjectContactRepository implements PanacheRepositoryBase<SubjectContact, SubjectContact.Key> {

    public Uni<SubjectContact> find(String tenant, String subjectKey) {
        return findById(new SubjectContact.Key(tenant, subjectKey));
    }
}
