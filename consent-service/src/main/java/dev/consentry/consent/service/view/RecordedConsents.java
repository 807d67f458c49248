package dev.consentry.consent.service.view;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The records a call produced, one per purpose; {@code gpcApplied} when a Sec-GPC: 1 signal shaped them (C11). */
public record RecordedConsents(String subjectId, List<Recorded> records, boolean gpcApplied) {

    public record Recorded(UUID recordId, String purposeId, String decision, Instant decidedAt) {
    }
}
