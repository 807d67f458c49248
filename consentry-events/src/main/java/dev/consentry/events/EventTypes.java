package dev.consentry.events;

/** CloudEvent {@code type} values of the Consentry contract. */
public final class EventTypes {
    // consentry.consent.v1
    public static final String CONSENT_GIVEN = "dev.consentry.consent.given.v1";
    public static final String CONSENT_REFUSED = "dev.consentry.consent.refused.v1";
    public static final String CONSENT_WITHDRAWN = "dev.consentry.consent.withdrawn.v1";
    public static final String CONSENT_EXPIRED = "dev.consentry.consent.expired.v1";
    public static final String CONSENT_RENEWAL_REQUIRED = "dev.consentry.consent.renewal-required.v1";
    public static final String NOTICE_PUBLISHED = "dev.consentry.consent.notice-published.v1";
    /** A privacy officer or auditor read a subject's consent history or a receipt (S7). */
    public static final String CONSENT_STAFF_ACCESS = "dev.consentry.consent.staff-access.v1";
    /** A purpose was defined, with the recipients its terms name (R14: what a consent covers). */
    public static final String PURPOSE_DEFINED = "dev.consentry.consent.purpose-defined.v1";

    // consentry.dsr.v1
    public static final String DSR_RECEIVED = "dev.consentry.dsr.received.v1";
    public static final String DSR_VERIFIED = "dev.consentry.dsr.verified.v1";
    public static final String DSR_PARTNER_NOTIFIED = "dev.consentry.dsr.partner-notified.v1";
    public static final String DSR_PARTNER_REPLIED = "dev.consentry.dsr.partner-replied.v1";
    public static final String DSR_COMPLETED = "dev.consentry.dsr.completed.v1";
    public static final String DSR_EXTENDED = "dev.consentry.dsr.extended.v1";
    public static final String DSR_DENIED = "dev.consentry.dsr.denied.v1";
    public static final String DSR_CANCELLED = "dev.consentry.dsr.cancelled.v1";
    public static final String DSR_PAUSED = "dev.consentry.dsr.paused.v1";
    public static final String DSR_RESUMED = "dev.consentry.dsr.resumed.v1";
    public static final String DSR_RESTRICTION_LIFTED = "dev.consentry.dsr.restriction-lifted.v1";
    public static final String DSR_SUBJECT_KEY_DESTROYED = "dev.consentry.dsr.subject-key-destroyed.v1";
    public static final String DSR_DUE_SOON = "dev.consentry.dsr.due-soon.v1";
    public static final String DSR_OVERDUE = "dev.consentry.dsr.overdue.v1";
    public static final String DSR_PARTNER_OVERDUE = "dev.consentry.dsr.partner-overdue.v1";
    public static final String DISCLOSURE_RECORDED = "dev.consentry.dsr.disclosure-recorded.v1";
    /** A privacy officer or auditor read a subject's request, access package or disclosures (S7). */
    public static final String DSR_STAFF_ACCESS = "dev.consentry.dsr.staff-access.v1";
    /** The retention schedule took a step for a subject: a rule's erasure, a hold's end, a dormancy step (R9, R10). */
    public static final String DSR_RETENTION_ACTION = "dev.consentry.dsr.retention-action.v1";
    /** A complaint was received, answered, or passed its due date unanswered (R11). */
    public static final String DSR_COMPLAINT_RECEIVED = "dev.consentry.dsr.complaint-received.v1";
    public static final String DSR_COMPLAINT_ANSWERED = "dev.consentry.dsr.complaint-answered.v1";
    public static final String DSR_COMPLAINT_OVERDUE = "dev.consentry.dsr.complaint-overdue.v1";
    /** The breach register (R12): an incident recorded, changed, and its 72-hour clock to notify the authority. */
    public static final String DSR_BREACH_RECORDED = "dev.consentry.dsr.breach-recorded.v1";
    public static final String DSR_BREACH_CHANGED = "dev.consentry.dsr.breach-changed.v1";
    public static final String DSR_BREACH_DUE_SOON = "dev.consentry.dsr.breach-due-soon.v1";
    public static final String DSR_BREACH_OVERDUE = "dev.consentry.dsr.breach-overdue.v1";
    /** A disclosure was recorded for a shop that tells its customers of each one (R14); for the shop's messaging. */
    public static final String DSR_DISCLOSURE_NOTICE = "dev.consentry.dsr.disclosure-notice.v1";

    // consentry.partner.<partnerId>.v1
    public static final String PARTNER_CORRECTION = "dev.consentry.partner.correction.v1";
    public static final String PARTNER_ERASURE = "dev.consentry.partner.erasure.v1";
    public static final String PARTNER_RESTRICTION = "dev.consentry.partner.restriction.v1";
    public static final String PARTNER_CONSENT_WITHDRAWN = "dev.consentry.partner.consent-withdrawn.v1";
    public static final String PARTNER_ACCESS_TASK = "dev.consentry.partner.access-task.v1";

    // consentry.audit-checkpoints.v1
    public static final String AUDIT_CHECKPOINT = "dev.consentry.audit.checkpoint.v1";

    // consentry.partner.<partnerId>.replies.v1
    public static final String PARTNER_REPLY = "dev.consentry.partner.reply.v1";

    private EventTypes() {
    }

    /** The consent event type for a recorded decision. */
    public static String forConsentDecision(String decision) {
        return switch (decision) {
            case "given" -> CONSENT_GIVEN;
            case "refused" -> CONSENT_REFUSED;
            case "withdrawn" -> CONSENT_WITHDRAWN;
            case "expired" -> CONSENT_EXPIRED;
            case "renewal_required" -> CONSENT_RENEWAL_REQUIRED;
            default -> throw new IllegalArgumentException("no event type for decision " + decision);
        };
    }
}
