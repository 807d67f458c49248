package dev.consentry.platform.idempotency;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** The stored first answer to a POST with an Idempotency-Key: found by a keyed hash, its body sealed (see IdempotentPost). */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyRecord extends PanacheEntityBase {

    @EmbeddedId
    public Id id;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    public int status;

    public String body;

    public String location;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static Uni<IdempotencyRecord> find(String tenant, String key) {
        return findById(new Id(tenant, key));
    }

    @Embeddable
    public record Id(@Column(name = "tenant") String tenant, @Column(name = "idem_key") String key)
            implements Serializable {
    }
}
