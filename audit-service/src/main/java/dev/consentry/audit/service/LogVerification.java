package dev.consentry.audit.service;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Result of recomputing a tenant's tree from its entries: valid with size and root, or the first entry that does not
 * match (or, if the stored hashes were rewritten to match altered entries, the range a signed checkpoint pins down).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogVerification(boolean valid, long size, String rootHash, int checkpointsChecked, Long firstBadSeq,
                              Long badRangeFrom, Long badRangeTo, String problem) {
}
