package dev.consentry.audit.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Result of recomputing a tenant's chain: valid with its head, or the first bad entry and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(boolean valid, long size, String headHash, Long firstBadSeq, String problem) {

    public static ChainVerification valid(long size, String headHash) {
        return new ChainVerification(true, size, headHash, null, null);
    }

    public static ChainVerification broken(long size, long seq, String problem) {
        return new ChainVerification(false, size, null, seq, problem);
    }
}
