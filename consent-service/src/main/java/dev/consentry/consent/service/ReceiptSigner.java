package dev.consentry.consent.service;

import dev.consentry.consent.config.ReceiptsConfig;
import dev.consentry.platform.config.ProductionSettings;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** Signs receipts as compact JWS (RS256) and publishes the verification key as a JWK set. */
@ApplicationScoped
@Startup
public class ReceiptSigner {

    private final KeyPair keys;
    private final String keyId;

    public ReceiptSigner(ReceiptsConfig config) {
        this.keyId = config.keyId();
        ProductionSettings.requireInProduction(config.signingKey().isPresent(), "consentry.receipts.signing-key "
                + "(CONSENTRY_RECEIPTS_SIGNING_KEY): receipts signed with a generated key stop verifying after a restart, "
                + "and each replica would sign with its own");
        this.keys = config.signingKey().map(ReceiptSigner::load).orElseGet(() -> {
            Log.warn("consentry.receipts.signing-key is not set: receipts are signed with a key generated at start-up "
                    + "and stop verifying after a restart (tests only; a production start refuses).");
            return generate();
        });
    }

    public String sign(String payloadJson) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payloadJson);
        jws.setKey(keys.getPrivate());
        jws.setKeyIdHeaderValue(keyId);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("receipt signing failed", e);
        }
    }

    /** The public key set (RFC 7517) anyone can verify receipts with. */
    public String publicKeySetJson() {
        try {
            RsaJsonWebKey jwk = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(keys.getPublic());
            jwk.setKeyId(keyId);
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            jwk.setUse("sig");
            return new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair load(String encoded) {
        try {
            String base64 = encoded.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("consentry.receipts.signing-key is not an RSA PKCS#8 private key");
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
