package dev.consentry.dsr.service;

import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.dsr.service.deadline.DeadlineEngine;
import dev.consentry.dsr.service.deadline.Span;
import dev.consentry.dsr.service.view.RequestView;
import dev.consentry.events.EventTypes;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Extends a request's deadline once (R3): with a reason, before the original due date, within what the law allows.
 * The {@code dsr.extended} event carries the new due date for the notice to the subject.
 */
@ApplicationScoped
public class RequestExtensions {

    private final OpenRequests openRequests;
    private final DeadlineEngine deadlines;
    private final RequestEvents events;
    private final RequestQueries queries;
    private final Clock clock;

    public RequestExtensions(OpenRequests openRequests, DeadlineEngine deadlines, RequestEvents events,
                             RequestQueries queries,
                             Clock clock) {
        this.clock = clock;
        this.openRequests = openRequests;
        this.deadlines = deadlines;
        this.events = events;
        this.queries = queries;
    }

    /** How much longer, in which unit (calendar_days, working_days, months), and why. */
    public record Extension(int length, String unit, String reason) {
    }

    @WithTransaction
    public Uni<RequestView> extend(String tenant, UUID id, Extension request) {
        return openRequests.find(tenant, id).flatMap(r -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            DeadlineEngine.Extension asked = new DeadlineEngine.Extension(span(request.length(), request.unit()),
                    request.reason(), now);
            String refusal = deadlines.refusal(r.jurisdiction, r.type.wire(), r.receivedAt, r.thirdPartyInvolved, List.of(),
                    existing(r), asked);
            if (refusal != null) {
                throw ProblemException.unprocessable("extension-refused", "Extension refused: " + refusal + ".");
            }
            DeadlineEngine.Deadline deadline = deadlines.compute(r.jurisdiction, r.type.wire(), r.receivedAt,
                    r.thirdPartyInvolved, List.of(), asked, null);
            r.extensionAmount = request.length();
            r.extensionUnit = request.unit();
            r.extensionReason = request.reason();
            r.extendedAt = now;
            r.legalDueAt = deadline.legalDueAt();
            r.dueAt = deadline.dueAt();
            return events.lifecycle(EventTypes.DSR_EXTENDED, r).flatMap(v -> queries.view(r));
        });
    }

    private static DeadlineEngine.Extension existing(DsrRequest r) {
        return r.extendedAt == null ? null
                : new DeadlineEngine.Extension(span(r.extensionAmount, r.extensionUnit), r.extensionReason, r.extendedAt);
    }

    static Span span(int length, String unit) {
        return switch (unit) {
            case "working_days" -> Span.workingDays(length);
            case "months" -> Span.months(length);
            default -> Span.days(length);
        };
    }
}
