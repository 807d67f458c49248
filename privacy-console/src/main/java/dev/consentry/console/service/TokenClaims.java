package dev.consentry.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What the console shows of the officer's token: tenant, name, roles, expiry. The console does not decide anything
 * on it — the services verify the token and enforce the roles — so it reads the claims without checking the
 * signature (the identity provider or the launcher issued it; the services check it on every call).
 */
public record TokenClaims(String tenant, String subject, String name, List<String> roles, Instant expiresAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The claims, with the subject in {@code subjectClaim} (a customer's id as the shop knows it). */
    public static TokenClaims read(String token, String tenantClaim, String rolesClaim, String subjectClaim) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a signed JWT");
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            List<String> roles = new ArrayList<>();
            JsonNode roleNode = claims.at("/" + rolesClaim.replace('.', '/'));
            roleNode.forEach(r -> roles.add(r.asText()));
            String subject = text(claims, subjectClaim);
            String name = text(claims, "name");
            return new TokenClaims(text(claims, tenantClaim), subject, name == null ? subject : name, List.copyOf(roles),
                    claims.hasNonNull("exp") ? Instant.ofEpochSecond(claims.get("exp").asLong()) : null);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("token claims unreadable");
        }
    }

    private static String text(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
