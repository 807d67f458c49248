package dev.consentry.audit.verifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The hashing of RFC 9162 (Certificate Transparency 2.0) §2.1.1: SHA-256 with leaf (0x00) and node (0x01) prefixes. */
public final class Rfc9162 {

    private Rfc9162() {
    }

    /** MTH({d}) = SHA-256(0x00 || d). */
    public static byte[] leafHash(byte[] leafData) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        sha.update(leafData);
        return sha.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The hash of the empty tree, SHA-256 of no input. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** k: the largest power of two smaller than n (n &gt; 1). */
    public static long split(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("no split point below 2");
        }
        return Long.highestOneBit(n - 1);
    }

    static boolean isPowerOfTwo(long n) {
        return n > 0 && (n & (n - 1)) == 0;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
