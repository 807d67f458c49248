package dev.consentry.consent.model;

import java.util.Map;

/** Record decisions in the W3C Data Privacy Vocabulary's consent status terms (https://w3id.org/dpv). */
public final class DpvStatus {

    private static final Map<String, String> TERMS = Map.of(
            "given", "dpv:ConsentGiven",
            "refused", "dpv:ConsentRefused",
            "withdrawn", "dpv:ConsentWithdrawn",
            "expired", "dpv:ConsentExpired",
            // the terms changed under a new notice version: the earlier consent no longer holds until renewed
            "renewal_required", "dpv:ConsentInvalidated");

    private DpvStatus() {
    }

    public static String of(String decision) {
        return TERMS.getOrDefault(decision, "dpv:ConsentUnknown");
    }
}
