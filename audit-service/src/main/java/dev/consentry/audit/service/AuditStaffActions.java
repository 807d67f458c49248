package dev.consentry.audit.service;

import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.security.StaffActions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** audit-service's staff actions are entries of the tenant's log, appended in the caller's transaction. */
@ApplicationScoped
public class AuditStaffActions implements StaffActions {

    private final StaffAccess staffAccess;
    private final Caller caller;

    public AuditStaffActions(StaffAccess staffAccess, Caller caller) {
        this.staffAccess = staffAccess;
        this.caller = caller;
    }

    @Override
    public Uni<Void> record(String tenant, String subjectKey, String action) {
        String role = List.of(Roles.DPO, Roles.AUDITOR, Roles.PLATFORM_ADMIN).stream().filter(caller::hasRole)
                .findFirst().orElse(null);
        if (role == null) {
            return Uni.createFrom().voidItem();
        }
        return staffAccess.record(tenant, new StaffAccess.Reader(caller.principal(), role, true), action, subjectKey);
    }
}
