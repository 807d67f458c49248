package dev.consentry.audit.verifier;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.GeneralSecurityException;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * A signed tree head: the tenant's log had {@code treeSize} entries with root {@code rootHash} (base64) at
 * {@code issuedAt}; {@code signature} is Ed25519 over {@link #signedText()} by the key {@code keyId}. {@code note} is
 * the same tree head as a C2SP signed note ({@link CheckpointNote}) for transparency witnesses and monitors; absent on
 * checkpoints issued before notes existed.
 */
public record Checkpoint(String tenant, long treeSize, String rootHash, Instant issuedAt, String keyId, String signature,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

    /** The exact text that is signed, one field per line. */
    public String signedText() {
        return "consentry-audit-checkpoint/v1\n" + tenant + "\n" + treeSize + "\n" + rootHash + "\n" + issuedAt + "\n";
    }

    public byte[] root() {
        return Base64.getDecoder().decode(rootHash);
    }

    /** @param publicKey X.509 SubjectPublicKeyInfo of the Ed25519 key, base64 */
    public boolean verify(String publicKey) {
        return verifySignature(publicKey, signedText(), signature);
    }

    public static boolean verifySignature(String publicKey, String text, String signatureBase64) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
