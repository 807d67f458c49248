package dev.consentry.audit.service.tree;

import dev.consentry.audit.verifier.NodeSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The stored subtrees of 256 leaves or more that this replica has read, kept for the next proofs: a stored subtree
 * never changes (the table is append-only), and every proof of a log of a million entries needs about twelve of them
 * — the same few thousand for every proof — next to eight or nine smaller ones, which differ from proof to proof and
 * are read from the database. At most {@link #CAPACITY} subtrees (about 6 MB) are kept, the least recently used
 * leaving first: all of them for a log of up to about 6 million entries.
 */
@ApplicationScoped
public class UpperSubtrees {

    /** Subtrees at this level and above are kept: 2^8 = 256 leaves and more. */
    static final int LOWEST_LEVEL = 8;
    static final int CAPACITY = 50_000;

    private record Key(String tenant, int level, long index) {
    }

    private final Map<Key, byte[]> kept = new LinkedHashMap<>(1 << 12, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Those of {@code addresses} kept here, by address. */
    public Map<NodeSource.Address, byte[]> find(String tenant, Set<NodeSource.Address> addresses) {
        Map<NodeSource.Address, byte[]> found = new HashMap<>();
        synchronized (kept) {
            for (NodeSource.Address a : addresses) {
                if (a.level() >= LOWEST_LEVEL) {
                    byte[] hash = kept.get(new Key(tenant, a.level(), a.index()));
                    if (hash != null) {
                        found.put(a, hash);
                    }
                }
            }
        }
        return found;
    }

    /** Keeps the subtrees of {@code read} (stored ones, as read from the database) that are large enough. */
    public void keep(String tenant, Map<NodeSource.Address, byte[]> read) {
        synchronized (kept) {
            read.forEach((a, hash) -> {
                if (a.level() >= LOWEST_LEVEL) {
                    kept.put(new Key(tenant, a.level(), a.index()), hash);
                }
            });
        }
    }
}
