package dev.consentry.platform.vault;

import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubjectCipherTest {

    private static SubjectCipher cipher(UUID keyId, byte[] key, String tenant, String subjectKey) {
        return new SubjectCipher(keyId, new SecretKeySpec(key, "AES"), tenant, subjectKey);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void sealedValueOpensWithTheSameKeyAndHidesThePlaintext() {
        SubjectCipher c = cipher(UUID.randomUUID(), randomKey(), "shop-a", "k1");
        String sealed = c.seal("12 Elm Street");
        assertFalse(sealed.contains("Elm"));
        assertEquals(Optional.of("12 Elm Street"), c.open(sealed));
        assertNull(c.seal(null));
    }

    @Test
    void R6_aValueSealedUnderADestroyedKeyNoLongerOpens() {
        byte[] key = randomKey();
        String sealed = cipher(UUID.randomUUID(), key, "shop-a", "k1").seal("12 Elm Street");
        // after destruction the subject gets a new key with a new id: the old value stays closed
        assertTrue(cipher(UUID.randomUUID(), randomKey(), "shop-a", "k1").open(sealed).isEmpty());
    }

    @Test
    void aValueCannotBeMovedToAnotherSubjectOrTenant() {
        UUID keyId = UUID.randomUUID();
        byte[] key = randomKey();
        String sealed = cipher(keyId, key, "shop-a", "k1").seal("secret");
        assertThrows(IllegalArgumentException.class, () -> cipher(keyId, key, "shop-a", "k2").open(sealed));
        assertThrows(IllegalArgumentException.class, () -> cipher(keyId, key, "shop-b", "k1").open(sealed));
    }

    @Test
    void anAlteredValueIsRefused() {
        SubjectCipher c = cipher(UUID.randomUUID(), randomKey(), "shop-a", "k1");
        String sealed = c.seal("secret");
        // change a character well inside the ciphertext (the last one may only carry padding bits)
        int at = sealed.length() - 8;
        char original = sealed.charAt(at);
        String altered = sealed.substring(0, at) + (original == 'A' ? 'B' : 'A') + sealed.substring(at + 1);
        assertThrows(IllegalArgumentException.class, () -> c.open(altered));
        assertThrows(IllegalArgumentException.class, () -> c.open("plain text"));
    }

    @Test
    void theKeyEncryptionKeyMustBe256BitsOfBase64() {
        assertThrows(IllegalStateException.class, () -> SubjectVault.parseKey("not base64!"));
        assertThrows(IllegalStateException.class, () -> SubjectVault.parseKey(Base64.getEncoder().encodeToString(new byte[16])));
        SubjectVault.parseKey(Base64.getEncoder().encodeToString(new byte[32]));
    }
}
