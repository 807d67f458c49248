package dev.consentry.audit.service;

import java.util.List;

/** RFC 9162 inclusion proof of entry {@code seq} (leaf index seq - 1) in the tree of {@code treeSize}; hashes base64. */
public record InclusionProof(long seq, long leafIndex, long treeSize, String leafHash, List<String> path, String rootHash) {
}
