package dev.consentry.consent.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * May the tenant use this subject's data for this purpose (now, or as of an instant)? With the reason, the record it
 * rests on, and when that consent expires if it does.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionView(String subjectId, String purposeId, String decision, String reason, UUID recordId,
                           Instant decidedAt, Instant expiresAt) {

    public static final String ALLOW = "allow";
    public static final String DENY = "deny";

    public boolean allowed() {
        return ALLOW.equals(decision);
    }
}
