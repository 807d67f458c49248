package dev.consentry.dsr.service.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.consentry.dsr.model.Partner;
import dev.consentry.events.EventContract;
import dev.consentry.platform.vault.InstallationSeal;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook partner's signing secrets and the signature of each delivery, as the Standard Webhooks specification
 * describes: a secret is {@code whsec_} and the base64 of 32 random bytes; a delivery is signed with HMAC-SHA256 over
 * {@code <webhook-id>.<webhook-timestamp>.<body>}; the {@code webhook-signature} header lists {@code v1,<base64>} for
 * each valid secret (the current one, and the previous one while a rotation is under way), separated by spaces.
 * Secrets are stored sealed under the installation's key-encryption key.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InstallationSeal seal;

    public WebhookSecrets(InstallationSeal seal) {
        this.seal = seal;
    }

    /** A new secret, to be shown to the partner once. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** The partner's valid secrets, current first. */
    public List<String> of(Partner partner) {
        if (partner.webhookSecretsSealed == null) {
            return List.of();
        }
        try {
            return List.of(EventContract.mapper().readValue(seal.open(purpose(partner.id), partner.webhookSecretsSealed),
                    String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored webhook secrets are not JSON", e);
        }
    }

    /** Makes {@code current} the signing secret; the previous current one stays valid until the next rotation. */
    public void install(Partner partner, String current, boolean keepPrevious) {
        List<String> secrets = new ArrayList<>();
        secrets.add(current);
        if (keepPrevious && !of(partner).isEmpty()) {
            secrets.add(of(partner).get(0));
        }
        try {
            partner.webhookSecretsSealed = seal.seal(purpose(partner.id), EventContract.mapper().writeValueAsString(secrets));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code webhook-signature} header: one {@code v1,<base64>} per valid secret. */
    public static String signature(List<String> secrets, String id, long timestamp, String body) {
        List<String> signatures = new ArrayList<>();
        for (String secret : secrets) {
            signatures.add("v1," + sign(secret, id + "." + timestamp + "." + body));
        }
        return String.join(" ", signatures);
    }

    private static String sign(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String purpose(String partnerId) {
        return "webhook-secret:" + partnerId;
    }
}
