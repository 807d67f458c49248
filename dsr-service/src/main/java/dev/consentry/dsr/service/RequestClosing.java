package dev.consentry.dsr.service;

import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.dsr.model.RequestStatus;
import dev.consentry.dsr.model.RequestType;
import dev.consentry.dsr.repository.SubjectLifecycleRepository;
import dev.consentry.events.EventTypes;
import dev.consentry.platform.vault.SubjectErasure;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Closes a request as completed or partially completed. Closing an erasure of all the subject's data also destroys
 * the subject's data key (R6): every value dsr-service kept sealed for the subject (its id in the ledger and requests,
 * contacts, corrected values, access replies, account dates) becomes unreadable for good, while the ledger rows and
 * the request history remain (its notices left the outbox when the relay delivered them). The destruction is
 * announced so other services destroy their own copies. An erasure of some categories (asked for, or a retention
 * rule's) erases those categories at the recipients; the subject and its key remain. Runs in the caller's
 * transaction.
 */
@ApplicationScoped
public class RequestClosing {

    private final RequestEvents events;
    private final SubjectErasure erasure;
    private final SubjectLifecycleRepository lifecycles;

    public RequestClosing(RequestEvents events, SubjectErasure erasure, SubjectLifecycleRepository lifecycles) {
        this.lifecycles = lifecycles;
        this.events = events;
        this.erasure = erasure;
    }

    public Uni<Void> close(DsrRequest request, RequestStatus status, Instant at) {
        request.status = status;
        request.completedAt = at;
        Uni<Void> completed = events.lifecycle(EventTypes.DSR_COMPLETED, request);
        if (!RequestType.ERASURE.equals(request.type) || request.fields.length > 0) {
            // an erasure of some categories keeps the subject's key; its notices left the outbox when relayed
            return completed;
        }
        return completed
                .flatMap(v -> erasure.shred(request.tenant, request.subjectKey))
                .flatMap(destroyed -> lifecycles.delete("key.tenant = ?1 and key.subjectKey = ?2",
                        request.tenant, request.subjectKey))
                .flatMap(destroyed -> events.lifecycle(EventTypes.DSR_SUBJECT_KEY_DESTROYED, request));
    }
}
