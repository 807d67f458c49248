package dev.consentry.audit.service.checkpoint;

import dev.consentry.audit.config.AuditConfig;
import dev.consentry.audit.verifier.Checkpoint;
import dev.consentry.audit.verifier.CheckpointNote;
import dev.consentry.platform.config.ProductionSettings;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/** Signs checkpoints with the configured Ed25519 key (or one generated at start-up). */
@ApplicationScoped
@Startup
public class CheckpointSigner {

    private final PrivateKey privateKey;
    private final String publicKey;
    private final String keyId;
    private final String origin;

    public CheckpointSigner(AuditConfig config) {
        ProductionSettings.requireInProduction(config.checkpointKey().privateKey().isPresent(),
                "consentry.audit.checkpoint-key.private-key and public-key (CONSENTRY_AUDIT_CHECKPOINT_KEY_*): checkpoints "
                        + "and evidence bundles signed with a generated key stop verifying after a restart");
        KeyPair pair = config.checkpointKey().privateKey().isPresent()
                ? configured(config.checkpointKey().privateKey().get(),
                config.checkpointKey().publicKey().orElseThrow(() -> new IllegalStateException(
                        "consentry.audit.checkpoint-key.public-key is required with the private key")))
                : generated();
        this.privateKey = pair.getPrivate();
        this.publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        this.keyId = keyId(pair.getPublic());
        this.origin = config.checkpointOrigin();
        if (origin.isEmpty() || origin.chars().anyMatch(c -> c == '+' || Character.isWhitespace(c))) {
            throw new IllegalStateException("consentry.audit.checkpoint-origin is a schema-less URL without spaces or '+'");
        }
        if (!Checkpoint.verifySignature(publicKey, "probe", sign("probe"))) {
            throw new IllegalStateException("the checkpoint public key does not match the private key");
        }
    }

    public Checkpoint sign(String tenant, long treeSize, String rootHash, Instant issuedAt) {
        Checkpoint unsigned = new Checkpoint(tenant, treeSize, rootHash, issuedAt, keyId, null, null);
        return new Checkpoint(tenant, treeSize, rootHash, issuedAt, keyId, sign(unsigned.signedText()),
                note(tenant, treeSize, rootHash));
    }

    /** The tree head as a C2SP signed note, signed by the same key under the name {@link #origin(String)}. */
    public String note(String tenant, long treeSize, String rootHash) {
        String text = CheckpointNote.text(origin(tenant), treeSize, rootHash);
        return CheckpointNote.signed(text, noteKey(tenant), signature(text));
    }

    /** The origin line and key name of a tenant's checkpoint notes. */
    public String origin(String tenant) {
        return origin + "/" + tenant;
    }

    /** What a witness or monitor configures to verify a tenant's checkpoint notes. */
    public CheckpointNote.VerifierKey noteKey(String tenant) {
        return CheckpointNote.VerifierKey.of(origin(tenant), publicKey);
    }

    public String sign(String text) {
        return Base64.getEncoder().encodeToString(signature(text));
    }

    private byte[] signature(String text) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** X.509 SubjectPublicKeyInfo, base64: what verifiers need. */
    public String publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }

    private static KeyPair configured(String privateBase64, String publicBase64) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey priv = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateBase64.trim())));
            PublicKey pub = factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicBase64.trim())));
            return new KeyPair(pub, priv);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("consentry.audit.checkpoint-key is not an Ed25519 key pair in base64 "
                    + "(private PKCS#8, public X.509)");
        }
    }

    private static KeyPair generated() {
        Log.warn("No consentry.audit.checkpoint-key configured: checkpoints are signed with a key generated at start-up;"
                + " configure one so checkpoints stay verifiable across restarts (tests only; a production start refuses)");
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
