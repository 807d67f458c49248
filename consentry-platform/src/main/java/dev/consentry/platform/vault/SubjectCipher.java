package dev.consentry.platform.vault;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * One subject's data key, ready to seal and open values. A sealed value reads {@code v1.<keyId>.<base64url>}; it
 * opens only with the same key, for the same tenant and subject (both are bound in as associated data).
 */
public final class SubjectCipher {

    private static final String VERSION = "v1";

    private final UUID keyId;
    private final SecretKey key;
    private final byte[] associatedData;

    SubjectCipher(UUID keyId, SecretKey key, String tenant, String subjectKey) {
        this.keyId = keyId;
        this.key = key;
        this.associatedData = associatedData(tenant, subjectKey, keyId);
    }

    static byte[] associatedData(String tenant, String subjectKey, UUID keyId) {
        return (tenant + '\u0000' + subjectKey + '\u0000' + keyId).getBytes(StandardCharsets.UTF_8);
    }

    /** Null stays null, so optional values need no special case. */
    public String seal(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] sealed = Aead.encrypt(key, plaintext.getBytes(StandardCharsets.UTF_8), associatedData);
        return VERSION + '.' + keyId + '.' + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /**
     * The plaintext, or empty when the value was sealed under a key that no longer exists (destroyed).
     *
     * @throws IllegalArgumentException when the value is not a sealed value or was altered
     */
    public Optional<String> open(String sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        String[] parts = sealed.split("\\.", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalArgumentException("not a sealed value");
        }
        if (!keyId.toString().equals(parts[1])) {
            return Optional.empty();
        }
        try {
            byte[] plain = Aead.decrypt(key, Base64.getUrlDecoder().decode(parts[2]), associatedData);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("sealed value does not authenticate");
        }
    }

    public UUID keyId() {
        return keyId;
    }
}
