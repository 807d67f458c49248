package dev.consentry.dsr.model;

import java.util.Set;

/** Request types of R1, as they appear in the API and the events. */
public final class RequestType {
    public static final String CORRECTION = "correction";
    public static final String ERASURE = "erasure";
    public static final String RESTRICTION = "restriction";
    public static final String OBJECTION = "objection";
    public static final String CONSENT_WITHDRAWAL = "consent_withdrawal";
    public static final String ACCESS = "access";
    public static final String PORTABILITY = "portability";
    public static final Set<String> ALL = Set.of(ACCESS, CORRECTION, ERASURE, RESTRICTION, OBJECTION,
            CONSENT_WITHDRAWAL, PORTABILITY);
    /** Types about purposes (they carry {@code purposes}). */
    public static final Set<String> ABOUT_PURPOSES = Set.of(OBJECTION, CONSENT_WITHDRAWAL);
    /** Types that may narrow their scope with {@code categories}. */
    public static final Set<String> ABOUT_CATEGORIES = Set.of(ERASURE, RESTRICTION, ACCESS, PORTABILITY);

    private RequestType() {
    }
}
