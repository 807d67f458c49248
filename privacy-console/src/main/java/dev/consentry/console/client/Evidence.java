package dev.consentry.console.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/** What audit-service shows: a subject's timeline, the log's verification. */
public final class Evidence {

    private Evidence() {
    }

    public record Entry(long seq, String eventId, String type, String source, Instant occurredAt, JsonNode data) {

        /** The request this entry concerns, if it names one. */
        public String requestId() {
            JsonNode id = data == null ? null : data.get("requestId");
            return id == null ? null : id.asText();
        }

        /** The event type without its namespace and version, e.g. {@code dsr.extended}. */
        public String shortType() {
            String t = type.startsWith("dev.consentry.") ? type.substring("dev.consentry.".length()) : type;
            return t.replaceFirst("\\.v\\d+$", "");
        }
    }

    public record Timeline(List<Entry> entries, int page, int size, boolean hasMore) {
    }

    public record Verification(boolean valid, long size, String rootHash, int checkpointsChecked, Long firstBadSeq,
                               String problem) {
    }

    public record ExportRequest(String subjectId) {
    }
}
