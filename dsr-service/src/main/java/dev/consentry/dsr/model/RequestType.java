package dev.consentry.dsr.model;

import java.util.Set;

/** Request types of R1, as they appear in the API and the events. */
public final class RequestType {
    public static final String CORRECTION = "correction";
    public static final String ERASURE = "erasure";
    public static final Set<String> ALL = Set.of("access", CORRECTION, ERASURE, "restriction", "objection",
            "consent_withdrawal", "portability");
    /** Types this version processes end to end; the others are refused with a clear problem until they are. */
    public static final Set<String> SUPPORTED = Set.of(CORRECTION, ERASURE);

    private RequestType() {
    }
}
