package dev.consentry.dsr.service;

import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.platform.security.StaffActions;
import dev.consentry.platform.security.StaffReads;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** dsr-service's staff actions become staff-access events on {@code consentry.dsr.v1}. */
@ApplicationScoped
public class DsrStaffActions implements StaffActions {

    private final StaffReads staffReads;

    public DsrStaffActions(StaffReads staffReads) {
        this.staffReads = staffReads;
    }

    @Override
    public Uni<Void> record(String tenant, String subjectKey, String action) {
        return staffReads.recordInCallersTransaction(Topics.DSR, EventTypes.DSR_STAFF_ACCESS, tenant, subjectKey,
                action);
    }
}
