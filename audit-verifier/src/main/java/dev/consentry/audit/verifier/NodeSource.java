package dev.consentry.audit.verifier;

/**
 * Hashes of complete, aligned subtrees: {@code node(level, index)} covers leaves {@code [index * 2^level,
 * (index + 1) * 2^level)}; level 0 holds the leaf hashes. A log stores these as it grows, so any root or proof needs
 * only O(log n) of them.
 */
@FunctionalInterface
public interface NodeSource {

    byte[] node(int level, long index);

    /** A node's address, for batch loading. */
    record Address(int level, long index) {
    }
}
