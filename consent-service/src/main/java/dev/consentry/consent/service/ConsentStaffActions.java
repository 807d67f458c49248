package dev.consentry.consent.service;

import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.platform.security.StaffActions;
import dev.consentry.platform.security.StaffReads;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** consent-service's staff actions become staff-access events on {@code consentry.consent.v1}. */
@ApplicationScoped
public class ConsentStaffActions implements StaffActions {

    private final StaffReads staffReads;

    public ConsentStaffActions(StaffReads staffReads) {
        this.staffReads = staffReads;
    }

    @Override
    public Uni<Void> record(String tenant, String subjectKey, String action) {
        return staffReads.recordInCallersTransaction(Topics.CONSENT, EventTypes.CONSENT_STAFF_ACCESS, tenant, subjectKey,
                action);
    }
}
