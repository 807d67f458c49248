package dev.consentry.events.data;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@code dsr.retention-action}: one step the retention schedule took for one subject (R9, R10). {@code trigger}
 * is set for a rule's step and a hold's end; {@code requestId} when notices went out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RetentionActionData(String actionId, String kind, String ruleId, String trigger, Instant startedAt,
                                  Instant dueAt, List<String> categories, String outcome, String requestId) {
}
