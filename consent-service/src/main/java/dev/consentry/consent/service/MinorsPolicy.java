package dev.consentry.consent.service;

import dev.consentry.platform.problem.ProblemException;

import java.util.Map;

/**
 * Children's consent (C9). Below the age threshold of the subject's jurisdiction, a consent needs a guardian acting
 * with recorded proof; in Vietnam a child of 7 or more must also agree. Thresholds: Vietnam 16 (Law 91/2025),
 * Korea 14 (PIPA), EU 16 unless a member state set 13-15 (GDPR Art. 8), US 13 (COPPA).
 */
public final class MinorsPolicy {

    private static final Map<String, Integer> THRESHOLDS = Map.ofEntries(
            Map.entry("VN", 16), Map.entry("KR", 14), Map.entry("US", 13), Map.entry("EU", 16),
            // GDPR Art. 8 national choices
            Map.entry("EU-BE", 13), Map.entry("EU-DK", 13), Map.entry("EU-EE", 13), Map.entry("EU-FI", 13),
            Map.entry("EU-LV", 13), Map.entry("EU-MT", 13), Map.entry("EU-PT", 13), Map.entry("EU-SE", 13),
            Map.entry("EU-AT", 14), Map.entry("EU-BG", 14), Map.entry("EU-CY", 14), Map.entry("EU-IT", 14),
            Map.entry("EU-LT", 14), Map.entry("EU-ES", 14), Map.entry("EU-CZ", 15), Map.entry("EU-FR", 15),
            Map.entry("EU-GR", 15), Map.entry("EU-SI", 15), Map.entry("EU-DE", 16), Map.entry("EU-IE", 16),
            Map.entry("EU-NL", 16), Map.entry("EU-PL", 16), Map.entry("EU-RO", 16), Map.entry("EU-SK", 16),
            Map.entry("EU-HR", 16), Map.entry("EU-HU", 16), Map.entry("EU-LU", 16));
    private static final int VN_CHILD_AGREES_FROM = 7;

    private MinorsPolicy() {
    }

    public static int threshold(String jurisdiction) {
        Integer age = THRESHOLDS.get(jurisdiction);
        if (age == null) {
            throw ProblemException.badRequest("unknown-jurisdiction", "Unknown jurisdiction '" + jurisdiction
                    + "'; use VN, KR, US, EU or EU-<country code>.");
        }
        return age;
    }

    /**
     * Refuses a "given" that a child cannot give alone. Nothing to check when the age is not declared or the subject
     * is of age, or for refusals and withdrawals (anyone may stop processing).
     */
    public static void requireValidConsent(Integer age, String jurisdiction, Evidence evidence, Boolean childAgrees) {
        if (age == null || age >= threshold(jurisdiction)) {
            return;
        }
        if (!"guardian".equals(evidence.actor()) || evidence.actorProof() == null) {
            throw ProblemException.unprocessable("guardian-consent-required", "Below the age of " + threshold(jurisdiction)
                    + " in " + jurisdiction + " consent is given by a guardian with recorded proof (actor guardian, actorProof).");
        }
        if ("VN".equals(jurisdiction) && age >= VN_CHILD_AGREES_FROM && !Boolean.TRUE.equals(childAgrees)) {
            throw ProblemException.unprocessable("child-agreement-required",
                    "In Vietnam a child of 7 or more must agree as well as the guardian (childAgrees: true).");
        }
    }
}
