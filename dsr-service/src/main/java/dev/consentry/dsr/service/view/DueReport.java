package dev.consentry.dsr.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * The dry run of the retention schedule (R9, R10): what it would do at {@code at}, per rule or step (how many
 * subjects, which categories, which registered systems hold them) and the first steps one by one. Subjects appear
 * by their pseudonymous key only.
 */
public record DueReport(Instant at, long total, List<Summary> summary, List<Step> steps) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(String ruleId, String kind, long subjects, List<String> categories, List<String> systems) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String ruleId, String kind, String subjectKey, Instant startedAt, Instant dueAt,
                       List<String> categories) {
    }
}
