package dev.consentry.events.data;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** Data of the {@code dsr.breach-*} events: a register entry's state, never its descriptions (R12). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BreachData(String breachId, String change, Instant detectedAt, Instant authorityDueAt,
                         Instant authorityNotifiedAt, List<String> categories, long approxSubjects, long approxRecords,
                         String subjectsDecision, int version) {
}
