package dev.consentry.consent.service;

import dev.consentry.consent.model.ConsentRecord;
import dev.consentry.consent.repository.ConsentRecordRepository;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.ConsentDecisionData;
import dev.consentry.platform.outbox.Outbox;
import dev.consentry.platform.sql.BulkWriter;
import dev.consentry.platform.vault.SubjectVault;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Appends consent records and their events, inside the caller's transaction. The only writer of consent records.
 * Several records appended together are written in one go (batched record inserts, one multi-row outbox insert).
 */
@ApplicationScoped
public class ConsentLedger {

    private final ConsentRecordRepository records;
    private final Outbox outbox;
    private final SubjectVault vault;

    public ConsentLedger(ConsentRecordRepository records, Outbox outbox, SubjectVault vault) {
        this.records = records;
        this.outbox = outbox;
        this.vault = vault;
    }

    /** One decision to record for a subject (identified by its keyed hash). */
    public record Entry(String subjectKey, String purposeId, String decision, Evidence evidence, Instant decidedAt) {
    }

    public Uni<ConsentRecord> append(String tenant, String subjectKey, String purposeId, String decision,
                                     Evidence evidence, Instant decidedAt) {
        return appendAll(tenant, List.of(new Entry(subjectKey, purposeId, decision, evidence, decidedAt)))
                .map(recorded -> recorded.get(0));
    }

    /** Records every entry, in order, with one event each; returns the records. */
    public Uni<List<ConsentRecord>> appendAll(String tenant, List<Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return prepareAll(tenant, entries).call(prepared -> records.persist(prepared.records())
                        .chain(() -> outbox.publishAll(prepared.events())))
                .map(Prepared::records);
    }

    /** Records and their events, built and sealed, not yet written. */
    public record Prepared(List<ConsentRecord> records, List<Outbox.Announcement> events) {
    }

    /**
     * Builds the records and events of {@code entries} and seals their free text (which may create subject keys: the
     * caller's transaction); {@link #copyAll} writes them later in a bulk transaction.
     */
    public Uni<Prepared> prepareAll(String tenant, List<Entry> entries) {
        List<ConsentRecord> recorded = new ArrayList<>(entries.size());
        List<Outbox.Announcement> events = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            ConsentRecord r = record(tenant, e);
            recorded.add(r);
            events.add(new Outbox.Announcement(Topics.CONSENT, EventTypes.forConsentDecision(e.decision()), tenant,
                    e.subjectKey(), new ConsentDecisionData(r.id.toString(), r.purposeId, r.decision, r.decidedAt,
                    r.method, r.channel, r.collectionPoint, r.noticeVersion, r.actor)));
        }
        return sealFreeText(tenant, recorded).replaceWith(new Prepared(recorded, events));
    }

    /** Writes prepared records and their events with {@code COPY}, in the given bulk transaction; returns how many. */
    public int copyAll(BulkWriter writer, Prepared prepared) {
        records.copyAll(writer, prepared.records());
        outbox.publishAll(writer, prepared.events());
        return prepared.records().size();
    }

    /**
     * S5: a proof's or a caller's signal's text is sealed under its subject's key (a subject already erased gets no new
     * key: the text is dropped). Records without free text need no key.
     */
    private Uni<Void> sealFreeText(String tenant, List<ConsentRecord> recorded) {
        Map<String, List<ConsentRecord>> bySubject = new LinkedHashMap<>();
        for (ConsentRecord r : recorded) {
            if (r.actorProof != null || (r.rawSignal != null && !Evidence.isPlatformSignal(r.rawSignal))) {
                bySubject.computeIfAbsent(r.subjectKey, k -> new ArrayList<>()).add(r);
            }
        }
        return Multi.createFrom().iterable(bySubject.entrySet())
                .onItem().transformToUniAndConcatenate(subject -> vault.cipherUnlessDestroyed(tenant, subject.getKey())
                        .invoke(cipher -> subject.getValue().forEach(r -> {
                            if (r.actorProof != null) {
                                r.actorProofSealed = cipher.map(c -> c.seal(r.actorProof)).orElse(null);
                                r.actorProof = null;
                            }
                            if (r.rawSignal != null && !Evidence.isPlatformSignal(r.rawSignal)) {
                                r.rawSignalSealed = cipher.map(c -> c.seal(r.rawSignal)).orElse(null);
                                r.rawSignal = null;
                            }
                        })))
                .collect().last().replaceWithVoid();
    }

    private static ConsentRecord record(String tenant, Entry e) {
        ConsentRecord r = new ConsentRecord();
        r.id = UUID.randomUUID();
        r.tenant = tenant;
        r.subjectKey = e.subjectKey();
        r.purposeId = e.purposeId();
        r.decision = e.decision();
        r.decidedAt = e.decidedAt();
        Evidence evidence = e.evidence();
        r.method = evidence.method();
        r.channel = evidence.channel();
        r.collectionPoint = evidence.collectionPoint();
        r.noticeVersion = evidence.noticeVersion();
        r.noticeHash = evidence.noticeHash();
        r.language = evidence.language();
        r.actor = evidence.actor();
        r.actorProof = evidence.actorProof();
        r.rawSignal = evidence.rawSignal();
        return r;
    }
}
