package dev.consentry.dsr.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * A complaint and where it stands (R11). {@code howToComplainFurther} names the shop's own channel first, then the
 * authority; {@code details} and {@code answer} are opened from their sealed form for those who may read them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintView(UUID id, String category, String status, String filedBy, UUID requestId,
                            String jurisdiction, Instant receivedAt, Instant dueAt, String details, String outcome,
                            String answer, Instant answeredAt, String howToComplainFurther) {
}
