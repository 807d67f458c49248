package dev.consentry.audit.service;

import dev.consentry.audit.model.AuditEntry;
import dev.consentry.audit.repository.AuditEntryRepository;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.vault.SubjectCipher;
import dev.consentry.platform.vault.SubjectVault;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/**
 * A subject's timeline (A4): their entries in log order, filtered by time range and event type, a page at a time, with
 * sealed data opened while the subject's key exists. A read by staff is itself logged (A1).
 */
@ApplicationScoped
public class AuditQueries {

    private final AuditEntryRepository entries;
    private final SubjectVault vault;
    private final StaffAccess staffAccess;

    public AuditQueries(AuditEntryRepository entries, SubjectVault vault, StaffAccess staffAccess) {
        this.entries = entries;
        this.vault = vault;
        this.staffAccess = staffAccess;
    }

    /** 404 when this tenant's log has no entry for the subject, whatever other tenants hold. */
    @WithTransaction
    public Uni<TimelinePage> subjectTimeline(String tenant, AuditEntryRepository.Filter filter, int page, int size,
                                             StaffAccess.Reader reader) {
        // one more than the page holds tells whether another page follows
        return entries.find(tenant, filter, page * size, size + 1).flatMap(list -> {
            if (list.isEmpty() && page == 0 && filter.from() == null && filter.to() == null && filter.type() == null) {
                throw ProblemException.notFound("No audit entries for this subject.");
            }
            return vault.existing(tenant, filter.subjectKey()).flatMap(cipher -> {
                List<EntryView> views = list.stream().limit(size).map(e -> view(e, cipher)).toList();
                TimelinePage result = new TimelinePage(views, page, size, list.size() > size);
                return staffAccess.record(tenant, reader, "read-subject-timeline", filter.subjectKey()).replaceWith(result);
            });
        });
    }

    public static EntryView view(AuditEntry e, Optional<SubjectCipher> cipher) {
        return new EntryView(e.key.seq(), e.eventId, e.eventType, e.source, e.occurredAt, e.recordedAt,
                EntrySealing.readable(e, cipher), e.leafHash);
    }
}
