package dev.consentry.audit.model;

import dev.consentry.audit.verifier.Checkpoint;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A signed tree head as issued; see {@link Checkpoint}. */
@Entity
@Table(name = "audit_checkpoint")
public class AuditCheckpoint extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "root_hash", nullable = false)
    public String rootHash;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    @Column(nullable = false)
    public String signature;

    /** The C2SP signed note; null for checkpoints issued before notes existed. */
    public String note;

    public Checkpoint toCheckpoint() {
        return new Checkpoint(key.tenant(), key.treeSize(), rootHash, issuedAt, keyId, signature, note);
    }

    public static AuditCheckpoint of(Checkpoint c) {
        AuditCheckpoint a = new AuditCheckpoint();
        a.key = new Key(c.tenant(), c.treeSize());
        a.rootHash = c.rootHash();
        a.issuedAt = c.issuedAt();
        a.keyId = c.keyId();
        a.signature = c.signature();
        a.note = c.note();
        return a;
    }

    @Embeddable
    public record Key(@Column(name = "tenant") String tenant, @Column(name = "tree_size") long treeSize)
            implements Serializable {
    }
}
