package dev.consentry.platform.vault;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/** AES-256-GCM with a random 96-bit nonce stored in front of the ciphertext, and associated data bound in. */
public final class Aead {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aead() {
    }

    public static byte[] encrypt(SecretKey key, byte[] plaintext, byte[] associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws GeneralSecurityException when the key or the associated data do not match (or the bytes were altered) */
    public static byte[] decrypt(SecretKey key, byte[] nonceAndCiphertext, byte[] associatedData) throws GeneralSecurityException {
        if (nonceAndCiphertext.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("sealed value too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonceAndCiphertext, 0, NONCE_BYTES));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(nonceAndCiphertext, NONCE_BYTES, nonceAndCiphertext.length - NONCE_BYTES);
    }
}
