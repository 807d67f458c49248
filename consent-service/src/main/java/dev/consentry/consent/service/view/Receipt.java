package dev.consentry.consent.service.view;

import java.util.Map;

/**
 * A consent receipt: the record's fields, and the same fields signed as a compact JWS (RS256). Verify {@code jws}
 * with the key set at {@code verifyWith}; its payload is the authoritative copy of {@code record}.
 */
public record Receipt(Map<String, Object> record, String jws, String verifyWith) {
}
