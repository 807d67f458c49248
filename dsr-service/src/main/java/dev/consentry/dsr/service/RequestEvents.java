package dev.consentry.dsr.service;

import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.dsr.model.PartnerNotice;
import dev.consentry.dsr.model.RetentionAction;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.DsrRequestData;
import dev.consentry.events.data.RetentionActionData;
import dev.consentry.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Announces request lifecycle steps on {@code consentry.dsr.v1}, through the outbox (same transaction). */
@ApplicationScoped
public class RequestEvents {

    private final Outbox outbox;

    public RequestEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> lifecycle(String type, DsrRequest r) {
        return publish(type, r, DsrRequestData.lifecycle(r.id.toString(), r.type.wire(), r.status.wire(), r.receivedAt, r.dueAt));
    }

    public Uni<Void> partnerStep(String type, DsrRequest r, PartnerNotice n) {
        return publish(type, r, new DsrRequestData(r.id.toString(), r.type.wire(), r.status.wire(), r.receivedAt, r.dueAt,
                n.id.toString(), n.recipientId, n.outcome, null));
    }

    public Uni<Void> denied(DsrRequest r) {
        return publish(EventTypes.DSR_DENIED, r, new DsrRequestData(r.id.toString(), r.type.wire(), r.status.wire(), r.receivedAt,
                r.dueAt, null, null, null, r.denialReason));
    }

    /** One step of the retention schedule (R9, R10), about the subject; no personal value. */
    public Uni<Void> retentionAction(RetentionAction a, String trigger) {
        return outbox.publish(Topics.DSR, EventTypes.DSR_RETENTION_ACTION, a.tenant, a.subjectKey,
                new RetentionActionData(a.id.toString(), a.kind, a.ruleId, trigger, a.startedAt, a.dueAt,
                        List.of(a.categories), a.outcome, a.requestId == null ? null : a.requestId.toString()))
                .replaceWithVoid();
    }

    private Uni<Void> publish(String type, DsrRequest r, DsrRequestData data) {
        return outbox.publish(Topics.DSR, type, r.tenant, r.subjectKey, data).replaceWithVoid();
    }
}
