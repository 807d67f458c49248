package dev.consentry.consent.rest.dto;

import java.time.Instant;

/** A visitor token for the banner on one visitor's pages, and when it stops working. */
public record VisitorTokenView(String token, String visitorId, Instant expiresAt) {
}
