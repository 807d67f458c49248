package dev.consentry.audit.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One log entry. {@code data} is readable where the subject's key exists; after crypto-shredding it is
 * {@code {"sealed":true,"readable":false}}. {@code leafHash} (base64) is what inclusion proofs prove.
 */
public record EntryView(long seq, String eventId, String type, String source, Instant occurredAt, Instant recordedAt,
                        JsonNode data, String leafHash) {
}
