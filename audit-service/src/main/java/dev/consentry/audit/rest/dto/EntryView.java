package dev.consentry.audit.rest.dto;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

public record EntryView(long seq, String eventId, String type, String source, Instant occurredAt, Instant recordedAt,
                        JsonNode data, String prevHash, String entryHash) {
}
