package dev.consentry.platform.subject;

import dev.consentry.platform.config.ConsentryConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Turns (tenant, subject id) into a subject key: a keyed hash (HMAC-SHA256, base64url) that rows, events and logs
 * use instead of the identifier. The same inputs always give the same key, so lookups work without storing the id.
 */
@ApplicationScoped
public class SubjectKeys {

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public SubjectKeys(ConsentryConfig config) {
        byte[] secret = config.pseudonymization().secret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            throw new IllegalStateException("consentry.pseudonymization.secret must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    public String of(String tenant, String subjectId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((tenant + '\u0000' + subjectId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
