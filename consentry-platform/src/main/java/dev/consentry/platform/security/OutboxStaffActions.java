package dev.consentry.platform.security;

import io.smallrye.mutiny.Uni;

/**
 * Staff actions of a service that announces them as staff-access events of its own type on its own topic, in the
 * caller's transaction (consent-service, dsr-service).
 */
public abstract class OutboxStaffActions implements StaffActions {

    private final StaffReads staffReads;
    private final String topic;
    private final String type;

    protected OutboxStaffActions(StaffReads staffReads, String topic, String type) {
        this.staffReads = staffReads;
        this.topic = topic;
        this.type = type;
    }

    @Override
    public Uni<Void> record(String tenant, String subjectKey, String action) {
        return staffReads.recordInCallersTransaction(topic, type, tenant, subjectKey, action);
    }
}
