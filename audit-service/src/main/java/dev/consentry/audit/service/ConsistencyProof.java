package dev.consentry.audit.service;

import java.util.List;

/** RFC 9162 consistency proof between the trees of sizes {@code first} and {@code second}; hashes base64. */
public record ConsistencyProof(long first, long second, String firstRoot, String secondRoot, List<String> proof) {
}
