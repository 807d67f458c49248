package dev.consentry.consent.rest.dto;

import java.time.Instant;
import java.util.Map;

public record PurposeView(String id, String legalBasis, boolean optional, Map<String, String> names, Instant createdAt) {
}
