package dev.consentry.dsr.model;

/** The request lifecycle: received, identity verified, awaiting partners, completed / partially completed. */
public final class RequestStatus {
    public static final String RECEIVED = "received";
    public static final String IDENTITY_VERIFIED = "identity_verified";
    public static final String AWAITING_PARTNERS = "awaiting_partners";
    public static final String COMPLETED = "completed";
    public static final String PARTIALLY_COMPLETED = "partially_completed";
    public static final String DENIED = "denied";

    private RequestStatus() {
    }
}
