package dev.consentry.audit.service;

import dev.consentry.audit.model.AuditEntry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The chain's hash: SHA-256 over the previous entry's hash and every field of the entry, each length-prefixed so
 * that no two different entries share an encoding.
 */
public final class EntryHash {

    /** The "previous hash" of a tenant's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private EntryHash() {
    }

    public static String of(AuditEntry e) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String field : new String[]{e.prevHash, e.key.tenant(), Long.toString(e.key.seq()), e.eventId,
                    e.eventType, e.source, e.subjectKey == null ? "" : e.subjectKey, e.occurredAt.toString(),
                    e.data}) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
