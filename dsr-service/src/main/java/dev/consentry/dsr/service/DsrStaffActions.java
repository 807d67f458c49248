package dev.consentry.dsr.service;

import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.platform.security.OutboxStaffActions;
import dev.consentry.platform.security.StaffReads;
import jakarta.inject.Singleton;

/** dsr-service's staff actions become staff-access events on {@code consentry.dsr.v1}. */
@Singleton
public class DsrStaffActions extends OutboxStaffActions {

    public DsrStaffActions(StaffReads staffReads) {
        super(staffReads, Topics.DSR, EventTypes.DSR_STAFF_ACCESS);
    }
}
