package dev.consentry.platform.vault;

import dev.consentry.platform.config.ConsentryConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.SecretKey;

/**
 * Seals secrets of the installation itself — not a subject's data — under the key-encryption key (AES-256-GCM), bound
 * to what they are for ({@code purpose}, e.g. {@code webhook-secret:<partnerId>}): a webhook signing secret is stored
 * only in this form.
 */
@ApplicationScoped
public class InstallationSeal {

    private final SecretKey key;

    public InstallationSeal(ConsentryConfig config) {
        this.key = SubjectVault.parseKey(config.vault().keyEncryptionKey());
    }

    public String seal(String purpose, String secret) {
        return Base64.getEncoder().encodeToString(Aead.encrypt(key, secret.getBytes(StandardCharsets.UTF_8),
                purpose.getBytes(StandardCharsets.UTF_8)));
    }

    public String open(String purpose, String sealed) {
        try {
            return new String(Aead.decrypt(key, Base64.getDecoder().decode(sealed), purpose.getBytes(StandardCharsets.UTF_8)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("an installation secret does not open: wrong key-encryption key?");
        }
    }
}
