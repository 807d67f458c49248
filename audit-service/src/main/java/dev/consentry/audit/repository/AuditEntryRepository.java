package dev.consentry.audit.repository;

import dev.consentry.audit.model.AuditEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
@WithSession
public class AuditEntryRepository implements PanacheRepositoryBase<AuditEntry, AuditEntry.Key> {

    public Uni<List<AuditEntry>> forSubject(String tenant, String subjectKey) {
        return list("key.tenant = ?1 and subjectKey = ?2 order by key.seq", tenant, subjectKey);
    }

    public Uni<List<AuditEntry>> chain(String tenant) {
        return list("key.tenant = ?1 order by key.seq", tenant);
    }
}
