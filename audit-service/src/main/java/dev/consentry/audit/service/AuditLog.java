package dev.consentry.audit.service;

import dev.consentry.audit.model.AuditEntry;
import dev.consentry.audit.model.AuditTreeNode;
import dev.consentry.audit.repository.AuditEntryRepository;
import dev.consentry.audit.repository.AuditLogHeadRepository;
import dev.consentry.audit.repository.AuditAppendWriter;
import dev.consentry.audit.service.tree.TreeAppender;
import dev.consentry.audit.verifier.LeafData;
import dev.consentry.audit.verifier.Rfc9162;
import dev.consentry.events.Channels;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.platform.messaging.PoisonEventException;
import dev.consentry.platform.vault.SubjectErasure;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Appends events to their tenant's Merkle tree (A1, A2): the entry, its leaf hash and the subtrees it completes are
 * written under the tenant's head lock, so entries get consecutive numbers. When dsr-service announces that a
 * subject's key was destroyed (an erasure closed), this log destroys its own key for the subject too and records
 * that it did (A3). Runs inside the caller's transaction.
 */
@ApplicationScoped
public class AuditLog {

    /** Entries this service writes about itself. */
    public static final String SOURCE = "/consentry/audit-service";
    public static final String KEY_DESTROYED = "dev.consentry.audit.subject-key-destroyed.v1";
    /** The channel of the entries this service writes about itself. */
    public static final String OWN_CHANNEL = "audit-service";

    private final AuditLogHeadRepository heads;
    private final AuditEntryRepository entries;
    private final AuditAppendWriter writer;
    private final EntrySealing sealing;
    private final SubjectErasure erasure;
    private final Clock clock;

    public AuditLog(AuditLogHeadRepository heads, AuditEntryRepository entries, AuditAppendWriter writer,
                    EntrySealing sealing, SubjectErasure erasure, Clock clock) {
        this.clock = clock;
        this.heads = heads;
        this.entries = entries;
        this.writer = writer;
        this.sealing = sealing;
        this.erasure = erasure;
    }

    /** One unit of appending: the trees of the heads it locked, and the rows it will write. */
    private static final class Appending {
        final Map<String, TreeAppender> trees = new HashMap<>();
        final List<AuditEntry> entries = new ArrayList<>();
        final List<AuditTreeNode> nodes = new ArrayList<>();
    }

    /** Appends an entry this service writes about itself (staff access, key destruction). */
    public Uni<Void> append(CloudEvent event) {
        return appendAll(OWN_CHANNEL, List.of(event));
    }

    /**
     * Appends the events in order within the caller's transaction, each once: an event that came twice in the batch
     * is appended the first time only; one the log already holds on this channel (a redelivery) makes the entries'
     * unique (tenant, channel, event id) refuse the whole batch, which the consumer then applies one event at a time
     * with {@link #appendOnce}. So the log's own key is the consumer's idempotency, and an event costs no second row.
     * Each tenant's head is locked once, and the entries and the tree nodes they complete are written at the end with
     * a few multi-row inserts.
     */
    public Uni<Void> appendAll(String channel, List<CloudEvent> events) {
        Set<List<String>> seen = new HashSet<>();
        return appendInOrder(channel, events.stream().filter(e -> seen.add(List.of(e.tenant(), e.id()))).toList());
    }

    /**
     * Appends one event unless the log holds it on this channel already (then nothing happens, not even what the
     * event would cause), within the caller's transaction, after locking its tenant's head — so a transaction
     * appending the same event elsewhere has either committed, and is seen, or not begun.
     */
    public Uni<Void> appendOnce(String channel, CloudEvent event) {
        return heads.lockHead(event.tenant())
                .flatMap(locked -> entries.holds(event.tenant(), channel, event.id()))
                .flatMap(held -> held ? Uni.createFrom().voidItem() : appendInOrder(channel, List.of(event)));
    }

    private Uni<Void> appendInOrder(String channel, List<CloudEvent> events) {
        Appending appending = new Appending();
        // the batch's heads are locked up front in one order (by tenant), so that two batches of several tenants on
        // two channels or replicas wait for each other instead of deadlocking
        return Multi.createFrom().iterable(events.stream().map(CloudEvent::tenant).filter(Objects::nonNull)
                        .collect(Collectors.toCollection(TreeSet::new)))
                .onItem().transformToUniAndConcatenate(tenant -> tree(tenant, appending.trees))
                .collect().last()
                .flatMap(locked -> Multi.createFrom().iterable(events)
                        .onItem().transformToUniAndConcatenate(event -> append(channel, event, appending))
                        .collect().last())
                .invoke(v -> appending.trees.values().forEach(TreeAppender::close))
                .flatMap(v -> writer.insert(appending.entries, appending.nodes));
    }

    private Uni<Void> append(String channel, CloudEvent event, Appending appending) {
        if (!event.type().startsWith("dev.consentry.") || event.time() == null || event.source() == null) {
            throw new PoisonEventException("not a Consentry event (type, time or source missing)");
        }
        Uni<Void> appended = sealing.stored(event).flatMap(data -> appendEntry(channel, event, data, appending));
        // S1: only dsr-service, on its own topic, can cause a key destruction (the channel table refuses the type
        // anywhere else; this keeps it so should a caller pass another channel)
        if (!EventTypes.DSR_SUBJECT_KEY_DESTROYED.equals(event.type()) || !Channels.DSR.name().equals(channel)
                || event.subjectkey() == null) {
            return appended;
        }
        return appended
                .flatMap(v -> erasure.shred(event.tenant(), event.subjectkey()))
                .flatMap(destroyed -> appendEntry(OWN_CHANNEL, ownEvent(event, destroyed), null, appending));
    }

    /** The tenant's tree, its head locked for the transaction the first time the batch needs it. */
    private Uni<TreeAppender> tree(String tenant, Map<String, TreeAppender> trees) {
        TreeAppender held = trees.get(tenant);
        return held != null ? Uni.createFrom().item(held)
                : heads.lockHead(tenant).map(head -> {
                    TreeAppender tree = new TreeAppender(head);
                    trees.put(tenant, tree);
                    return tree;
                });
    }

    private Uni<Void> appendEntry(String channel, CloudEvent event, String storedData, Appending appending) {
        String data = storedData != null ? storedData : event.data().toString();
        return tree(event.tenant(), appending.trees).map(tree -> {
            AuditEntry entry = new AuditEntry();
            entry.key = new AuditEntry.Key(event.tenant(), tree.nextSeq());
            entry.eventId = event.id();
            entry.eventType = event.type();
            entry.source = event.source();
            entry.channel = channel;
            entry.subjectKey = event.subjectkey();
            entry.occurredAt = event.time().truncatedTo(ChronoUnit.MICROS);
            entry.recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            entry.data = data;
            byte[] leaf = Rfc9162.leafHash(leafData(entry));
            entry.leafHash = Base64.getEncoder().encodeToString(leaf);
            appending.entries.add(entry);
            appending.nodes.addAll(tree.append(leaf));
            return null;
        });
    }

    /** What the leaf hash covers; the verifier recomputes it from the same fields. */
    public static byte[] leafData(AuditEntry e) {
        return LeafData.of(e.key.tenant(), e.key.seq(), e.eventId, e.eventType, e.source, e.subjectKey,
                e.occurredAt.toString(), e.data);
    }

    private CloudEvent ownEvent(CloudEvent cause, boolean destroyed) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), SOURCE, KEY_DESTROYED,
                clock.instant().truncatedTo(ChronoUnit.MICROS), CloudEvent.JSON, cause.tenant(), cause.subjectkey(),
                EventContract.mapper().createObjectNode().put("cause", cause.id()).put("keyDestroyed", destroyed));
    }
}
