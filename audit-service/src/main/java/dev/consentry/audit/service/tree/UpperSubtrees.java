package dev.consentry.audit.service.tree;

import dev.consentry.audit.verifier.NodeSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stored subtrees of 16 leaves or more that this replica has read, kept for the next proofs: a stored subtree
 * never changes (the table is append-only). A proof in a log of a million entries needs about sixteen of them —
 * the largest the same for every proof, the smaller ones filling in as proofs come — next to four small ones, which
 * differ from proof to proof and are read from the database.
 * <p>
 * Each tenant's kept hashes lie side by side per level, by index (32 bytes each, and a bit saying which are there):
 * about 4 bytes per entry of the log, 4 MB for a million entries. Subtrees of fewer than 256 leaves are only kept
 * while all tenants' together take less than {@link #SMALL_BUDGET} bytes; past {@link #BUDGET} everything is let
 * go and kept anew.
 */
@ApplicationScoped
public class UpperSubtrees {

    /** Subtrees at this level and above are kept: 2^4 = 16 leaves and more. */
    static final int LOWEST_LEVEL = 4;
    /** Subtrees below this level (fewer than 256 leaves) are kept only within {@link #SMALL_BUDGET}. */
    static final int LARGE_LEVEL = 8;
    static final long SMALL_BUDGET = 48L << 20;
    static final long BUDGET = 64L << 20;
    private static final int HASH = 32;
    private static final int LEVELS = 64;

    /** One tenant's kept subtrees: per level, the hashes by index, and which indexes hold one. */
    private static final class Kept {
        final byte[][] hashes = new byte[LEVELS][];
        final BitSet[] present = new BitSet[LEVELS];
    }

    private final Map<String, Kept> tenants = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();

    /** Those of {@code addresses} kept here, by address. */
    public Map<NodeSource.Address, byte[]> find(String tenant, Set<NodeSource.Address> addresses) {
        Map<NodeSource.Address, byte[]> found = new HashMap<>();
        Kept kept = tenants.get(tenant);
        if (kept == null) {
            return found;
        }
        synchronized (kept) {
            for (NodeSource.Address a : addresses) {
                if (keepable(a)) {
                    BitSet present = kept.present[a.level()];
                    int index = (int) a.index();
                    if (present != null && present.get(index)) {
                        int at = index * HASH;
                        found.put(a, Arrays.copyOfRange(kept.hashes[a.level()], at, at + HASH));
                    }
                }
            }
        }
        return found;
    }

    /** Keeps the subtrees of {@code read} (stored ones, as read from the database) that are large enough. */
    public void keep(String tenant, Map<NodeSource.Address, byte[]> read) {
        Kept kept = null;
        for (Map.Entry<NodeSource.Address, byte[]> e : read.entrySet()) {
            NodeSource.Address a = e.getKey();
            if (!keepable(a) || e.getValue().length != HASH) {
                continue;
            }
            if (kept == null) {
                kept = tenants.computeIfAbsent(tenant, t -> new Kept());
            }
            synchronized (kept) {
                put(kept, a.level(), (int) a.index(), e.getValue());
            }
        }
    }

    /** Large enough to keep, and within what an array per level can index. */
    private static boolean keepable(NodeSource.Address a) {
        return a.level() >= LOWEST_LEVEL && a.level() < LEVELS && a.index() < Integer.MAX_VALUE / HASH;
    }

    private void put(Kept kept, int level, int index, byte[] hash) {
        byte[] hashes = kept.hashes[level];
        int needed = (index + 1) * HASH;
        if (hashes == null || hashes.length < needed) {
            int length = hashes == null ? Math.max(needed, 16 * HASH)
                    : (int) Math.min(Math.max(2L * hashes.length, needed), Integer.MAX_VALUE / HASH * HASH);
            long growth = length - (hashes == null ? 0 : hashes.length);
            long total = bytes.get() + growth;
            if (level < LARGE_LEVEL && total > SMALL_BUDGET) {
                return; // the small ones cost the most room and save the least: not past their budget
            }
            if (total > BUDGET) {
                tenants.clear();
                bytes.set(0);
                return;
            }
            kept.hashes[level] = hashes == null ? new byte[length] : Arrays.copyOf(hashes, length);
            if (kept.present[level] == null) {
                kept.present[level] = new BitSet();
            }
            bytes.addAndGet(growth);
            hashes = kept.hashes[level];
        }
        System.arraycopy(hash, 0, hashes, index * HASH, HASH);
        kept.present[level].set(index);
    }

    /** Bytes of hashes held, for all tenants. */
    long bytes() {
        return bytes.get();
    }
}
