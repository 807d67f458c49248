package dev.consentry.consent.service;

import dev.consentry.consent.model.LatestDecision;
import dev.consentry.consent.model.Purpose;
import dev.consentry.consent.service.view.DecisionView;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * The decision rules, free of I/O: allow only on a standing, unexpired consent, or when the purpose rests on another
 * legal basis (C5). Everything else — no record, refused, withdrawn, expired — is deny, with the reason.
 */
public final class DecisionRules {

    private DecisionRules() {
    }

    /**
     * @param latest the subject's latest record on the purpose at {@code at} (null if none)
     * @param at     the instant the decision is for (now, or an "as of" instant)
     */
    public static DecisionView decide(String subjectId, Purpose purpose, LatestDecision latest, Instant at) {
        String purposeId = purpose.key.id();
        if (!purpose.needsConsent()) {
            return new DecisionView(subjectId, purposeId, DecisionView.ALLOW, "legal basis: " + purpose.legalBasis,
                    null, null, null);
        }
        if (latest == null) {
            return new DecisionView(subjectId, purposeId, DecisionView.DENY, "no consent recorded", null, null, null);
        }
        if (!"given".equals(latest.decision())) {
            return new DecisionView(subjectId, purposeId, DecisionView.DENY,
                    "consent " + latest.decision().replace('_', ' '), latest.recordId(),
                    latest.decidedAt(), null);
        }
        Instant expiresAt = expiry(purpose, latest.decidedAt());
        if (expiresAt != null && !at.isBefore(expiresAt)) {
            return new DecisionView(subjectId, purposeId, DecisionView.DENY, "consent expired", latest.recordId(),
                    latest.decidedAt(), expiresAt);
        }
        return new DecisionView(subjectId, purposeId, DecisionView.ALLOW, "consent given", latest.recordId(), latest.decidedAt(),
                expiresAt);
    }

    /** When a consent given at {@code givenAt} expires under the purpose's validity (C10); null: never. */
    public static Instant expiry(Purpose purpose, Instant givenAt) {
        if (purpose.validity == null) {
            return null;
        }
        return givenAt.atZone(ZoneOffset.UTC).plus(Period.parse(purpose.validity)).toInstant();
    }
}
