package dev.consentry.consent.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Signing of consent receipts (C3). */
@ConfigMapping(prefix = "consentry.receipts")
public interface ReceiptsConfig {

    /**
     * RSA private key (PKCS#8, base64 of the DER bytes, PEM armour allowed) that signs receipts. Without it a key is
     * generated at start-up: receipts then verify only until the service restarts — fine for a local run, not for
     * production.
     */
    Optional<String> signingKey();

    /** Key id written into each receipt's header and the published key set; change it when the key changes. */
    @WithDefault("consentry-receipts-1")
    String keyId();
}
