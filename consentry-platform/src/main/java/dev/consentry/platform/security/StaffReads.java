package dev.consentry.platform.security;

import dev.consentry.events.data.StaffAccessData;
import dev.consentry.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * S7, A1: a member of the shop's staff (privacy officer, auditor, platform admin) reading a subject's data is itself
 * evidence. The read is announced as a staff-access event on the service's own topic (outbox, so it is never lost)
 * and the audit log keeps it. Machine reads (the storefront) and a subject reading their own data are not staff
 * access.
 */
@ApplicationScoped
public class StaffReads {

    private final Caller caller;
    private final Outbox outbox;

    public StaffReads(Caller caller, Outbox outbox) {
        this.caller = caller;
        this.outbox = outbox;
    }

    /**
     * Records that the caller, if staff, read {@code action} about the subject {@code subjectKey}, in a transaction of
     * its own (reads run in none).
     */
    public Uni<Void> record(String topic, String type, String tenant, String subjectKey, String action) {
        return Panache.withTransaction(() -> recordInCallersTransaction(topic, type, tenant, subjectKey, action));
    }

    /** As {@link #record}, inside the transaction the caller has open (an action and its evidence commit together). */
    public Uni<Void> recordInCallersTransaction(String topic, String type, String tenant, String subjectKey,
                                               String action) {
        String role = caller.hasRole(Roles.DPO) ? Roles.DPO : caller.hasRole(Roles.AUDITOR) ? Roles.AUDITOR
                : caller.hasRole(Roles.PLATFORM_ADMIN) ? Roles.PLATFORM_ADMIN : null;
        if (role == null) {
            return Uni.createFrom().voidItem();
        }
        return outbox.publish(topic, type, tenant, subjectKey, new StaffAccessData(caller.principal(), role, action))
                .replaceWithVoid();
    }
}
