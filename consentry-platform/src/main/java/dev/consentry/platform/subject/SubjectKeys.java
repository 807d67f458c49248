package dev.consentry.platform.subject;

import dev.consentry.platform.config.ConsentryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Turns (tenant, subject id) into a subject key: a keyed hash (HMAC-SHA256, base64url) that rows, events and logs
 * use instead of the identifier. The same inputs always give the same key, so lookups work without storing the id.
 * <p>
 * Every decision lookup, consent write and imported line derives one, so each thread keeps a {@link Mac} made once
 * with the key (a {@code Mac} serves one caller at a time, and is ready for the next input after each result): making
 * one per call, the provider lookup and key set-up cost about twice the hash itself.
 */
@ApplicationScoped
public class SubjectKeys {

    private static final String ALGORITHM = "HmacSHA256";
    private final ThreadLocal<Mac> macs;

    @Inject
    public SubjectKeys(ConsentryConfig config) {
        this(config.pseudonymization().secret().getBytes(StandardCharsets.UTF_8));
    }

    SubjectKeys(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalStateException("consentry.pseudonymization.secret must be at least 32 bytes");
        }
        SecretKeySpec key = new SecretKeySpec(secret, ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 unavailable", e);
            }
        });
        macs.get(); // an unusable key fails once, where the bean is made, rather than in every call
    }

    public String of(String tenant, String subjectId) {
        byte[] digest = macs.get().doFinal((tenant + '\u0000' + subjectId).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
