package dev.consentry.consent.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The records a form produced, one per purpose. */
public record RecordedConsents(String subjectId, List<Recorded> records) {

    public record Recorded(UUID recordId, String purposeId, String decision, Instant decidedAt) {
    }
}
