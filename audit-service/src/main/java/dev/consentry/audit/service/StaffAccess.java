package dev.consentry.audit.service;

import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A1: staff reading a subject's evidence is itself an entry of the log (who, in which role, what, about whom by key).
 * A subject reading their own timeline is not staff access and is not logged. Runs in the caller's transaction.
 */
@ApplicationScoped
public class StaffAccess {

    public static final String STAFF_ACCESS = "dev.consentry.audit.staff-access.v1";

    /** Who reads: the token's subject and role; {@code staff} false for a subject reading their own entries. */
    public record Reader(String id, String role, boolean staff) {
    }

    private final AuditLog log;
    private final Clock clock;

    public StaffAccess(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public Uni<Void> record(String tenant, Reader reader, String action, String subjectKey) {
        if (!reader.staff()) {
            return Uni.createFrom().voidItem();
        }
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), AuditLog.SOURCE,
                STAFF_ACCESS, clock.instant().truncatedTo(ChronoUnit.MICROS), CloudEvent.JSON, tenant, subjectKey,
                EventContract.mapper().createObjectNode().put("actor", reader.id()).put("role", reader.role())
                        .put("action", action));
        return log.append(event);
    }
}
