package dev.consentry.audit.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.consentry.audit.model.AuditEntry;
import dev.consentry.audit.repository.AuditEntryRepository;
import dev.consentry.audit.rest.dto.ChainVerification;
import dev.consentry.audit.rest.dto.EntryView;
import dev.consentry.events.EventContract;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.subject.SubjectKeys;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Reads a tenant's log: a subject's timeline, and verification of the whole chain. */
@ApplicationScoped
public class AuditQueries {

    private final AuditEntryRepository entries;
    private final SubjectKeys subjectKeys;

    public AuditQueries(AuditEntryRepository entries, SubjectKeys subjectKeys) {
        this.entries = entries;
        this.subjectKeys = subjectKeys;
    }

    /** The subject's entries in log order; 404 when this tenant's log has none (whatever other tenants hold). */
    @WithSession
    public Uni<List<EntryView>> subjectTimeline(String tenant, String subjectId) {
        return entries.forSubject(tenant, subjectKeys.of(tenant, subjectId)).map(list -> {
            if (list.isEmpty()) {
                throw ProblemException.notFound("No audit entries for this subject.");
            }
            return list.stream().map(AuditQueries::view).toList();
        });
    }

    /** Recomputes every hash of the tenant's chain and reports the first entry that does not match. */
    @WithSession
    public Uni<ChainVerification> verify(String tenant) {
        return entries.chain(tenant).map(ChainVerifier::verify);
    }

    static EntryView view(AuditEntry e) {
        try {
            return new EntryView(e.key.seq(), e.eventId, e.eventType, e.source, e.occurredAt, e.recordedAt,
                    EventContract.mapper().readTree(e.data), e.prevHash, e.entryHash);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored entry data is not JSON", ex);
        }
    }
}
