package dev.consentry.audit.config;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Min;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** audit-service settings ({@code consentry.audit.*}). */
@ConfigMapping(prefix = "consentry.audit")
public interface AuditConfig {

    CheckpointKey checkpointKey();

    /**
     * The log's name in checkpoint notes (C2SP tlog-checkpoint), a schema-less URL such as {@code privacy.shop.example/audit}:
     * each tenant's log is {@code <origin>/<tenant>}, which is also the key name witnesses verify its notes with.
     */
    @WithDefault("consentry.local/audit")
    String checkpointOrigin();

    /** How often tenants whose log grew get a new signed checkpoint (read by the scheduler). */
    @WithDefault("1m")
    String checkpointInterval();

    /** Entries a verification reads and checks at a time; memory use is about this many entries whatever the log's size. */
    @WithDefault("10000")
    @Min(1)
    int verificationPageSize();

    /**
     * The Ed25519 key pair that signs checkpoints, base64 (private: PKCS#8, public: X.509), e.g. from a Kubernetes
     * Secret. Without it a key pair is generated at start-up (with a warning): checkpoints issued before a restart
     * then verify only with the old public key, which outsiders must have kept.
     */
    interface CheckpointKey {
        Optional<String> privateKey();

        Optional<String> publicKey();
    }
}
