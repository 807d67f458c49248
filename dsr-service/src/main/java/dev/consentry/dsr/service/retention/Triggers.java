package dev.consentry.dsr.service.retention;

import java.util.List;
import java.util.Map;

/** The events that start a retention period (R9). */
public final class Triggers {

    public static final String ACCOUNT_CLOSED = "account_closed";
    public static final String ORDER_COMPLETED = "order_completed";
    public static final String LAST_ACTIVITY = "last_activity";
    public static final String CONSENT_WITHDRAWN = "consent_withdrawn";
    public static final String CONSENT_EXPIRED = "consent_expired";
    /** A legal hold placed by an erasure request (the tenant's legal holds, {@code /v1/legal-holds}). */
    public static final String HOLD_PLACED = "hold_placed";

    /** Triggers a retention rule may name; the pattern of the API's {@code trigger} field lists the same. */
    public static final List<String> OF_RULES = List.of(ACCOUNT_CLOSED, ORDER_COMPLETED, LAST_ACTIVITY,
            CONSENT_WITHDRAWN, CONSENT_EXPIRED);
    public static final String PATTERN = "account_closed|order_completed|last_activity|consent_withdrawn|consent_expired";

    /** The subject_lifecycle column that dates each lifecycle trigger (fixed names, never from input). */
    private static final Map<String, String> LIFECYCLE_COLUMNS = Map.of(
            ACCOUNT_CLOSED, "account_closed_at",
            ORDER_COMPLETED, "last_order_at",
            LAST_ACTIVITY, "last_activity_at");

    /** The consent decision that dates each consent trigger. */
    private static final Map<String, String> CONSENT_DECISIONS = Map.of(
            CONSENT_WITHDRAWN, "withdrawn",
            CONSENT_EXPIRED, "expired");

    private Triggers() {
    }

    /** The subject_lifecycle column dating a lifecycle trigger. */
    public static String lifecycleColumn(String trigger) {
        String column = LIFECYCLE_COLUMNS.get(trigger);
        if (column == null) {
            throw new IllegalArgumentException("not a lifecycle trigger: " + trigger);
        }
        return column;
    }

    /** The consent decision a consent trigger counts from; null for other triggers. */
    public static String consentDecision(String trigger) {
        return CONSENT_DECISIONS.get(trigger);
    }
}
