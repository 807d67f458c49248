package dev.consentry.dsr.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The one-time code of a request received by phone, letter or e-mail (R2): only its keyed hash is kept. */
@Entity
@IdClass(VerificationChallenge.Key.class)
@Table(name = "verification_challenge")
public class VerificationChallenge extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Id
    @Column(nullable = false)
    public String tenant;

    /** email (the only channel so far). */
    @Column(nullable = false)
    public String channel;

    @Column(name = "contact_sealed", nullable = false)
    public String contactSealed;

    @Column(name = "code_hash", nullable = false)
    public String codeHash;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** Wrong codes entered since the last code was sent. */
    @Column(nullable = false)
    public int attempts;

    /** Codes sent so far, the first included. */
    @Column(nullable = false)
    public int sends;

    /** The challenge's identity: its request, within its tenant. */
    public static class Key implements Serializable {
        public String tenant;
        public UUID requestId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(tenant, other.tenant) && Objects.equals(requestId, other.requestId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenant, requestId);
        }
    }
}
