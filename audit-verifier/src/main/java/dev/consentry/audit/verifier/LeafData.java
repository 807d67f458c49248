package dev.consentry.audit.verifier;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of one log entry that its leaf hash covers: every field, each prefixed by its length, so no two different
 * entries share an encoding. {@code data} is the entry's data exactly as stored (sealed values stay sealed), so an
 * entry whose subject key was destroyed still verifies.
 */
public final class LeafData {

    private LeafData() {
    }

    public static byte[] of(String tenant, long seq, String eventId, String eventType, String source, String subjectKey,
                            String occurredAt, String data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : new String[]{"consentry-audit-entry/v1", tenant, Long.toString(seq), eventId, eventType,
                source, subjectKey == null ? "" : subjectKey, occurredAt, data}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            out.write(':');
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
