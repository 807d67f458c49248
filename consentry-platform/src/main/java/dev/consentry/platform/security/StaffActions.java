package dev.consentry.platform.security;

import io.smallrye.mutiny.Uni;

/**
 * S7, A1: an action of staff (a privacy officer, an auditor, the platform admin) that is itself evidence, recorded in
 * the audit log in the caller's transaction — by each service in its own way (consent-service and dsr-service announce
 * a staff-access event on their topic, audit-service appends to its log directly).
 */
public interface StaffActions {

    /** Records that the calling staff member did {@code action} in {@code tenant}, about {@code subjectKey} if not null. */
    Uni<Void> record(String tenant, String subjectKey, String action);
}
