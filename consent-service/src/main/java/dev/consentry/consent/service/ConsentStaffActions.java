package dev.consentry.consent.service;

import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.platform.security.OutboxStaffActions;
import dev.consentry.platform.security.StaffReads;
import jakarta.inject.Singleton;

/** consent-service's staff actions become staff-access events on {@code consentry.consent.v1}. */
@Singleton
public class ConsentStaffActions extends OutboxStaffActions {

    public ConsentStaffActions(StaffReads staffReads) {
        super(staffReads, Topics.CONSENT, EventTypes.CONSENT_STAFF_ACCESS);
    }
}
