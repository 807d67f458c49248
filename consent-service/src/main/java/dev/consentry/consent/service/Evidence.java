package dev.consentry.consent.service;

/** How a decision was made and shown (C3), shared by every record one call produces. */
public record Evidence(String method, String channel, String collectionPoint, String noticeVersion, String noticeHash,
                       String language, String actor, String actorProof, String rawSignal) {

    /** The methods that are an affirmative act (C2), as a pattern for request bodies and import lines. */
    public static final String AFFIRMATIVE_METHODS = "checkbox|button|toggle|sms_keyword|recorded_call|signed_paper|api";
    public static final String METHOD_MESSAGE = "an affirmative act: checkbox, button, toggle, sms_keyword, recorded_call,"
            + " signed_paper or api (silence, pre-ticked boxes, continued use and timeouts are not consent)";

    public static final String GPC_SIGNAL = "Sec-GPC: 1";
    /** The raw signal of records that came in through a bulk import. */
    public static final String IMPORTED = "imported";

    /** Whether a raw signal is one the platform writes itself (kept as it is) rather than a caller's free text. */
    static boolean isPlatformSignal(String rawSignal) {
        return GPC_SIGNAL.equals(rawSignal) || IMPORTED.equals(rawSignal);
    }

    /** The same act, recorded as the opt-out a Global Privacy Control signal expresses. */
    Evidence withGpcSignal() {
        return new Evidence(method, channel, collectionPoint, noticeVersion, noticeHash, language, actor, actorProof,
                GPC_SIGNAL);
    }

    /** An expiry is the platform's act, not the subject's. */
    static Evidence expiry() {
        return new Evidence("validity_elapsed", "system", "consent-expiry", null, null, null, "system", null, null);
    }

    /** A new notice version changed the purpose: the platform marks the consent for renewal. */
    static Evidence renewal(String noticeVersion) {
        return new Evidence("notice_changed", "system", "notice:" + noticeVersion, noticeVersion, null, null, "system",
                null, null);
    }

    boolean needsProof() {
        return "guardian".equals(actor) || "agent".equals(actor);
    }
}
