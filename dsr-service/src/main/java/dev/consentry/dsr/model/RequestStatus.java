package dev.consentry.dsr.model;

/**
 * The request lifecycle: received (waiting for identity verification when filed by staff) → identity_verified →
 * awaiting_partners → completed / partially_completed; or denied, or cancelled before any partner was notified.
 */
public final class RequestStatus {
    public static final String RECEIVED = "received";
    public static final String IDENTITY_VERIFIED = "identity_verified";
    public static final String AWAITING_PARTNERS = "awaiting_partners";
    public static final String COMPLETED = "completed";
    public static final String PARTIALLY_COMPLETED = "partially_completed";
    public static final String DENIED = "denied";
    public static final String CANCELLED = "cancelled";

    private RequestStatus() {
    }
}
