package dev.consentry.dsr.service.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One step the schedule finds due for one subject: which rule (or hold, or dormancy step), the date that started its
 * period, when it became due, the categories concerned (empty: all data), and how they go ({@code erase},
 * {@code anonymise}); {@code purpose} narrows the recipients, {@code holdRequest} is the erasure whose hold ended.
 */
public record DueStep(String tenant, String subjectKey, String ruleId, String kind, String trigger, Instant startedAt,
                      Instant dueAt, List<String> categories, String method, String purpose, UUID holdRequest) {
}
