package dev.consentry.dsr.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What of a subject's data must not be used or provided right now. {@code category} "*" means all of it. Reasons:
 * correction_pending (R5: disputed while a correction is under way), restriction_requested (until lifted),
 * legal_hold (kept after an erasure only because a law requires it, until {@code until}).
 */
public record RestrictionsView(List<Restriction> restricted) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Restriction(String category, String reason, UUID requestId, Instant since, Instant until) {
    }
}
