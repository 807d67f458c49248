package dev.consentry.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An independent implementation of RFC 9162, written in the tests from the RFC's text (§2.1.1 MTH, §2.1.3.1 PATH,
 * §2.1.3.2 and §2.1.4.2 verification), not from the production code, to check what the service serves.
 */
public final class Rfc9162Reference {

    private Rfc9162Reference() {
    }

    static byte[] sha256(byte prefix, byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(prefix);
            for (byte[] p : parts) {
                d.update(p);
            }
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** k: "the largest power of two smaller than n". */
    static int k(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    /** MTH(D[n]) over leaf hashes (each already SHA-256(0x00 || d)). */
    public static byte[] mth(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 1) {
            return leafHashes.get(0);
        }
        int k = k(n);
        return sha256((byte) 1, mth(leafHashes.subList(0, k)), mth(leafHashes.subList(k, n)));
    }

    /** PATH(m, D[n]). */
    public static List<byte[]> path(int m, List<byte[]> leafHashes) {
        int n = leafHashes.size();
        List<byte[]> out = new ArrayList<>();
        if (n == 1) {
            return out;
        }
        int k = k(n);
        if (m < k) {
            out.addAll(path(m, leafHashes.subList(0, k)));
            out.add(mth(leafHashes.subList(k, n)));
        } else {
            out.addAll(path(m - k, leafHashes.subList(k, n)));
            out.add(mth(leafHashes.subList(0, k)));
        }
        return out;
    }

    /** §2.1.3.2, step by step. */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] hash, List<byte[]> inclusionPath,
                                          byte[] rootHash) {
        if (leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = hash;
        for (byte[] p : inclusionPath) {
            if (sn == 0) {
                return false;
            }
            if (fn % 2 == 1 || fn == sn) {
                r = sha256((byte) 1, p, r);
                if (fn % 2 == 0) {
                    while (fn % 2 == 0 && fn != 0) {
                        fn = fn / 2;
                        sn = sn / 2;
                    }
                }
            } else {
                r = sha256((byte) 1, r, p);
            }
            fn = fn / 2;
            sn = sn / 2;
        }
        return sn == 0 && Arrays.equals(r, rootHash);
    }

    /** §2.1.4.2, step by step. */
    public static boolean verifyConsistency(long first, long second, byte[] firstHash, byte[] secondHash,
                                            List<byte[]> consistencyPath) {
        if (consistencyPath.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(consistencyPath);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstHash);
        }
        long fn = first - 1;
        long sn = second - 1;
        while (fn % 2 == 1) {
            fn = fn / 2;
            sn = sn / 2;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if (fn % 2 == 1 || fn == sn) {
                fr = sha256((byte) 1, c, fr);
                sr = sha256((byte) 1, c, sr);
                while (fn % 2 == 0 && fn != 0) {
                    fn = fn / 2;
                    sn = sn / 2;
                }
            } else {
                sr = sha256((byte) 1, sr, c);
            }
            fn = fn / 2;
            sn = sn / 2;
        }
        return Arrays.equals(fr, firstHash) && Arrays.equals(sr, secondHash) && sn == 0;
    }
}
