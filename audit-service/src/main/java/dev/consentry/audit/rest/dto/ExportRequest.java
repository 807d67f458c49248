package dev.consentry.audit.rest.dto;

import dev.consentry.platform.subject.Ids;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/** What to export: a subject's entries, a time range (by when events occurred), or both. */
public record ExportRequest(@Pattern(regexp = Ids.SUBJECT, message = Ids.SUBJECT_MESSAGE) String subjectId,
                            Instant from, Instant to) {
}
