package dev.consentry.events.data;

/**
 * Data of {@code consent.staff-access} and {@code dsr.staff-access} (S7, A1): a member of the shop's staff (a privacy
 * officer or an auditor) read a subject's data. {@code actor} is the staff member's token subject, {@code role} the
 * role they read in, {@code action} what they read (e.g. {@code read-consent-history}); the subject appears only as the
 * event's {@code subjectkey}.
 */
public record StaffAccessData(String actor, String role, String action) {
}
