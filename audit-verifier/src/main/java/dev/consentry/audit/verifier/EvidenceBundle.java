package dev.consentry.audit.verifier;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * An evidence export (A4): entries of one tenant's log (for a subject and/or a time range), each with its inclusion
 * proof against a signed checkpoint, the public key, and a signature over the bundle's {@link #signedText()} (which
 * names the scope and every entry's leaf hash, so nothing can be added or left out unnoticed).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvidenceBundle(String format, String tenant, String scope, Instant generatedAt, Checkpoint checkpoint,
                             String publicKey, List<Entry> entries, String signature) {

    public static final String FORMAT = "consentry-audit-bundle/v1";

    /**
     * One entry as stored; {@code data} is what the leaf covers. {@code readable} is the decrypted form of sealed
     * data when its subject key still exists (informative, not covered by the proof).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(long seq, String eventId, String eventType, String source, String subjectKey, String occurredAt,
                        String data, List<String> inclusionProof, JsonNode readable) {

        public byte[] leafHash(String tenant) {
            return Rfc9162.leafHash(LeafData.of(tenant, seq, eventId, eventType, source, subjectKey, occurredAt, data));
        }
    }

    public String signedText() {
        StringBuilder text = new StringBuilder(FORMAT).append('\n').append(tenant).append('\n').append(scope).append('\n')
                .append(generatedAt).append('\n').append(checkpoint.signedText());
        for (Entry e : entries) {
            text.append(e.seq()).append(':').append(Base64.getEncoder().encodeToString(e.leafHash(tenant))).append('\n');
        }
        return text.toString();
    }
}
