package dev.consentry.audit.rest.dto;

import dev.consentry.platform.validation.ValuePatterns;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/** What to export: a subject's entries, a time range (by when events occurred), or both. */
public record ExportRequest(@Pattern(regexp = ValuePatterns.SUBJECT_ID, message = ValuePatterns.SUBJECT_ID_MESSAGE) String subjectId,
                            Instant from, Instant to) {
}
