package dev.consentry.platform.vault;

import dev.consentry.platform.config.ConsentryConfig;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Per-subject encryption with key destruction (crypto-shredding). Each subject of a tenant gets its own AES-256 data
 * key on first use, stored in {@code subject_data_key} wrapped under the installation's key-encryption key
 * ({@code consentry.vault.key-encryption-key}). {@link #destroy} deletes it: everything sealed under it is unreadable
 * from then on, in every table and backup that holds only the sealed form. Runs in the caller's session.
 */
@ApplicationScoped
public class SubjectVault {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKey keyEncryptionKey;

    public SubjectVault(ConsentryConfig config) {
        this.keyEncryptionKey = parseKey(config.vault().keyEncryptionKey());
    }

    /**
     * The subject's cipher, creating the subject's key if it has none. A subject whose key was destroyed never gets a
     * new one (S5): that is refused with a 409 problem, see {@link #cipherUnlessDestroyed} to drop values instead.
     */
    public Uni<SubjectCipher> cipher(String tenant, String subjectKey) {
        return cipherUnlessDestroyed(tenant, subjectKey).map(cipher -> cipher.orElseThrow(() -> ProblemException.conflict(
                "subject-erased", "This customer's data was erased; nothing more can be kept for them under this id.")));
    }

    /**
     * The subject's cipher (created on first use), or empty if the subject's key was destroyed: a late value about an
     * erased subject must then be dropped, never sealed under a new key.
     */
    public Uni<Optional<SubjectCipher>> cipherUnlessDestroyed(String tenant, String subjectKey) {
        return destroyed(tenant, subjectKey).flatMap(gone -> gone ? Uni.createFrom().item(Optional.<SubjectCipher>empty())
                : create(tenant, subjectKey).map(Optional::of));
    }

    /** Whether the subject's key was destroyed (a tombstone stays for good). */
    public Uni<Boolean> destroyed(String tenant, String subjectKey) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT count(*) FROM subject_key_tombstone WHERE tenant = ?1 AND subject_key = ?2", Long.class)
                .setParameter(1, tenant).setParameter(2, subjectKey)
                .getSingleResult())
                .map(n -> n > 0);
    }

    private Uni<SubjectCipher> create(String tenant, String subjectKey) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        UUID keyId = UUID.randomUUID();
        String wrapped = Base64.getEncoder().encodeToString(Aead.encrypt(keyEncryptionKey, fresh,
                SubjectCipher.associatedData(tenant, subjectKey, keyId)));
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        INSERT INTO subject_data_key (tenant, subject_key, key_id, wrapped_key) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, tenant).setParameter(2, subjectKey).setParameter(3, keyId).setParameter(4, wrapped)
                .executeUpdate())
                .flatMap(n -> existing(tenant, subjectKey))
                .map(Optional::orElseThrow);
    }

    /** The subject's cipher if the subject has a key; empty if none was ever made or it was destroyed. */
    public Uni<Optional<SubjectCipher>> existing(String tenant, String subjectKey) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT key_id, wrapped_key FROM subject_data_key WHERE tenant = ?1 AND subject_key = ?2",
                        Object[].class)
                .setParameter(1, tenant).setParameter(2, subjectKey)
                .getResultList())
                .map(rows -> rows.stream().findFirst().map(row -> unwrap(tenant, subjectKey, row)));
    }

    /**
     * Destroys the subject's key and leaves a tombstone; true if there was a key. Values sealed under it can never be
     * opened again, and no new key is ever made for the subject.
     */
    public Uni<Boolean> destroy(String tenant, String subjectKey) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "DELETE FROM subject_data_key WHERE tenant = ?1 AND subject_key = ?2")
                .setParameter(1, tenant).setParameter(2, subjectKey)
                .executeUpdate()
                .flatMap(deleted -> s.createNativeQuery("""
                                INSERT INTO subject_key_tombstone (tenant, subject_key) VALUES (?1, ?2)
                                ON CONFLICT DO NOTHING""")
                        .setParameter(1, tenant).setParameter(2, subjectKey)
                        .executeUpdate()
                        .map(n -> deleted > 0)));
    }

    private SubjectCipher unwrap(String tenant, String subjectKey, Object[] row) {
        UUID keyId = row[0] instanceof UUID u ? u : UUID.fromString(row[0].toString());
        try {
            byte[] key = Aead.decrypt(keyEncryptionKey, Base64.getDecoder().decode((String) row[1]),
                    SubjectCipher.associatedData(tenant, subjectKey, keyId));
            return new SubjectCipher(keyId, new SecretKeySpec(key, "AES"), tenant, subjectKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a subject data key does not unwrap: wrong consentry.vault.key-encryption-key?");
        }
    }

    static SecretKey parseKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("consentry.vault.key-encryption-key must be base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("consentry.vault.key-encryption-key must be 32 bytes (256 bits), base64-encoded");
        }
        return new SecretKeySpec(key, "AES");
    }
}
