package dev.consentry.consent.model;

import java.time.Instant;
import java.util.UUID;

/** What a decision needs of the record in force: which record, what it decided and when. */
public record LatestDecision(UUID recordId, String decision, Instant decidedAt) {
}
