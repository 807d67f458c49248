package dev.consentry.platform.security;

import dev.consentry.events.EventTypes;
import jakarta.inject.Singleton;

/** Staff actions of the test application, announced as consent-service's are (each service provides its own). */
@Singleton
public class TestStaffActions extends OutboxStaffActions {

    public TestStaffActions(StaffReads staffReads) {
        super(staffReads, "consentry.platform-test.v1", EventTypes.CONSENT_STAFF_ACCESS);
    }
}
