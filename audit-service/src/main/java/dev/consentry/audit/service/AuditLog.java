package dev.consentry.audit.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.consentry.audit.model.AuditEntry;
import dev.consentry.audit.repository.AuditEntryRepository;
import dev.consentry.audit.repository.AuditLogHeadRepository;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.platform.messaging.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Appends events to their tenant's hash chain. Runs inside the consumer's transaction. */
@ApplicationScoped
public class AuditLog {

    private final AuditLogHeadRepository heads;
    private final AuditEntryRepository entries;

    public AuditLog(AuditLogHeadRepository heads, AuditEntryRepository entries) {
        this.heads = heads;
        this.entries = entries;
    }

    public Uni<Void> append(CloudEvent event) {
        if (!event.type().startsWith("dev.consentry.") || event.time() == null || event.source() == null) {
            throw new PoisonEventException("not a Consentry event (type, time or source missing)");
        }
        return heads.lockHead(event.tenant()).flatMap(head -> {
            AuditEntry entry = new AuditEntry();
            entry.key = new AuditEntry.Key(event.tenant(), head.size + 1);
            entry.eventId = event.id();
            entry.eventType = event.type();
            entry.source = event.source();
            entry.subjectKey = event.subjectkey();
            entry.occurredAt = event.time().truncatedTo(ChronoUnit.MICROS);
            entry.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            entry.data = json(event);
            entry.prevHash = head.headHash;
            entry.entryHash = EntryHash.of(entry);
            head.size = entry.key.seq();
            head.headHash = entry.entryHash;
            return entries.persist(entry).replaceWithVoid();
        });
    }

    private static String json(CloudEvent event) {
        try {
            return EventContract.mapper().writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("event data is not serialisable");
        }
    }
}
