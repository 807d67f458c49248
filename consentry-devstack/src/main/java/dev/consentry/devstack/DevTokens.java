package dev.consentry.devstack;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;

/**
 * Development and test tokens: a fresh RSA key pair per run (nothing secret is committed), the public key handed to
 * the services as {@code quarkus.oidc.public-key}, and signed JWTs for any tenant, subject and roles.
 */
public final class DevTokens {

    public static final String ISSUER = "https://consentry.local/dev-issuer";
    /** The audience every development token carries; the services require it (quarkus.oidc.token.audience). */
    public static final String AUDIENCE = "consentry";
    private static final String KEY_ID = "consentry-dev";
    private final KeyPair keys;

    public DevTokens() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The verification key, base64 X.509 (the format of {@code quarkus.oidc.public-key}). */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** The verification key as a JSON Web Key Set (what an OIDC provider serves at its jwks_uri). */
    public String jwks() {
        RsaJsonWebKey key = new RsaJsonWebKey((RSAPublicKey) keys.getPublic());
        key.setKeyId(KEY_ID);
        key.setUse("sig");
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        return new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** A token of {@code tenant} for {@code subject} with {@code roles}, valid for {@code minutes}. */
    public String issue(String tenant, String subject, List<String> roles, int minutes) {
        return issue(tenant, subject, roles, minutes, java.util.Map.of());
    }

    /** As above, with further claims (e.g. the shop's own customer id in a claim of its own). */
    public String issue(String tenant, String subject, List<String> roles, int minutes, java.util.Map<String, Object> extra) {
        return issueFor(AUDIENCE, tenant, subject, roles, minutes, extra);
    }

    /** A token for another audience, e.g. an ID token for the client an officer signed in to. */
    public String issueFor(String audience, String tenant, String subject, List<String> roles, int minutes,
                           java.util.Map<String, Object> extra) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(audience);
        if (subject != null) {
            claims.setSubject(subject);
        }
        extra.forEach(claims::setClaim);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(minutes);
        claims.setGeneratedJwtId();
        if (tenant != null) {
            claims.setClaim("tenant", tenant);
        }
        claims.setStringListClaim("groups", roles);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setKeyIdHeaderValue(KEY_ID);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issue(String tenant, String subject, String role) {
        return issue(tenant, subject, List.of(role), 60);
    }
}
