package dev.consentry.dsr.service.retention;

/** The steps the retention schedule takes, and their outcomes (the {@code dsr.retention-action} vocabulary). */
public final class ActionKinds {

    public static final String RULE_ERASURE = "rule_erasure";
    public static final String RULE_ANONYMISATION = "rule_anonymisation";
    public static final String HOLD_ENDED = "hold_ended";
    public static final String DORMANCY_NOTICE = "dormancy_notice";
    public static final String DORMANCY_SEPARATION = "dormancy_separation";
    public static final String DORMANCY_ERASURE = "dormancy_erasure";
    public static final String DORMANCY_CANCELLED = "dormancy_cancelled";

    /** Rule ids of the dormancy steps, one chain per date of last activity. */
    public static final String DORMANCY_NOTICE_RULE = "dormancy:notice";
    public static final String DORMANCY_SEPARATION_RULE = "dormancy:separation";
    public static final String DORMANCY_ERASURE_RULE = "dormancy:erasure";
    public static final String DORMANCY_CANCELLED_RULE = "dormancy:cancelled";

    public static final String NOTICES_SENT = "notices_sent";
    /** No registered system or recipient holds the categories: nothing to tell anyone. */
    public static final String NOTHING_HELD = "nothing_held";
    /** The subject was erased already (its key is gone): nothing left to name. */
    public static final String SUBJECT_ERASED = "subject_erased";
    /** Consentry knows no id for the subject (no account signal, no recorded disclosure): no one can be told. */
    public static final String SUBJECT_UNKNOWN = "subject_unknown";
    public static final String MAIL_QUEUED = "mail_queued";
    public static final String CANCELLED = "cancelled";

    /** Filer of the requests the schedule opens (erasure, restriction), and how the subject is established. */
    public static final String FILED_BY_SCHEDULE = "retention_schedule";
    public static final String VERIFIED_BY_SCHEDULE = "retention_schedule";

    private ActionKinds() {
    }

    /** The rule id of the end of a legal hold kept by an erasure request. */
    public static String holdRule(java.util.UUID requestId, String category) {
        return "hold:" + requestId + ":" + category;
    }

    /** The vault entry under which an erasure with legal holds seals the subject id until the last hold ends. */
    public static String holdVaultKey(java.util.UUID requestId) {
        return "hold:" + requestId;
    }
}
