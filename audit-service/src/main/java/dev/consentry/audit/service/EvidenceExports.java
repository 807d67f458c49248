package dev.consentry.audit.service;

import dev.consentry.audit.model.AuditEntry;
import dev.consentry.audit.repository.AuditEntryRepository;
import dev.consentry.audit.service.checkpoint.CheckpointSigner;
import dev.consentry.audit.service.checkpoint.Checkpoints;
import dev.consentry.audit.service.tree.TreeReader;
import dev.consentry.audit.verifier.EvidenceBundle;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.vault.SubjectCipher;
import dev.consentry.platform.vault.SubjectVault;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A4: a signed evidence bundle for a subject and/or a time range: a fresh checkpoint, every matching entry with its
 * inclusion proof against it, and a signature over the bundle, verifiable offline with {@code BundleVerifier}.
 */
@ApplicationScoped
public class EvidenceExports {

    /** At most this many entries per bundle; narrow the time range for more. */
    public static final int MAX_ENTRIES = 10_000;

    private final AuditEntryRepository entries;
    private final Checkpoints checkpoints;
    private final CheckpointSigner signer;
    private final TreeReader tree;
    private final SubjectVault vault;
    private final StaffAccess staffAccess;
    private final Clock clock;

    public EvidenceExports(AuditEntryRepository entries, Checkpoints checkpoints, CheckpointSigner signer,
                           TreeReader tree, SubjectVault vault, StaffAccess staffAccess, Clock clock) {
        this.entries = entries;
        this.clock = clock;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.tree = tree;
        this.vault = vault;
        this.staffAccess = staffAccess;
    }

    @WithTransaction
    public Uni<EvidenceBundle> export(String tenant, AuditEntryRepository.Filter filter, StaffAccess.Reader reader) {
        String scope = "subjectKey=" + (filter.subjectKey() == null ? "*" : filter.subjectKey())
                + " from=" + (filter.from() == null ? "*" : filter.from()) + " to=" + (filter.to() == null ? "*" : filter.to());
        // the access is logged first, so the checkpoint (and the bundle) include it
        return staffAccess.record(tenant, reader, "export-evidence", filter.subjectKey())
                .flatMap(v -> checkpoints.issue(tenant))
                .flatMap(cp -> entries.find(tenant, filter, 0, MAX_ENTRIES + 1).flatMap(list -> {
                    if (list.size() > MAX_ENTRIES) {
                        throw ProblemException.unprocessable("export-too-large", "More than " + MAX_ENTRIES
                                + " entries match; narrow the time range.");
                    }
                    List<AuditEntry> inTree = list.stream().filter(e -> e.key.seq() <= cp.treeSize()).toList();
                    Map<String, Optional<SubjectCipher>> ciphers = new HashMap<>();
                    return Multi.createFrom().iterable(inTree)
                            .onItem().transformToUniAndConcatenate(e -> entry(e, cp.treeSize(), ciphers))
                            .collect().asList()
                            .map(bundleEntries -> sign(new EvidenceBundle(EvidenceBundle.FORMAT, tenant, scope,
                                    clock.instant().truncatedTo(ChronoUnit.MILLIS), cp, signer.publicKey(),
                                    bundleEntries, null)));
                }));
    }

    private Uni<EvidenceBundle.Entry> entry(AuditEntry e, long treeSize, Map<String, Optional<SubjectCipher>> ciphers) {
        Uni<Optional<SubjectCipher>> cipher = !EntrySealing.isSealed(e) ? Uni.createFrom().item(Optional.empty())
                : ciphers.containsKey(e.subjectKey) ? Uni.createFrom().item(ciphers.get(e.subjectKey))
                : vault.existing(e.key.tenant(), e.subjectKey).invoke(c -> ciphers.put(e.subjectKey, c));
        return cipher.flatMap(c -> tree.inclusion(e.key.tenant(), e.key.seq(), treeSize).map(path ->
                new EvidenceBundle.Entry(e.key.seq(), e.eventId, e.eventType, e.source, e.subjectKey,
                        e.occurredAt.toString(), e.data,
                        path.stream().map(p -> Base64.getEncoder().encodeToString(p)).toList(),
                        EntrySealing.isSealed(e) ? EntrySealing.readable(e, c) : null)));
    }

    private EvidenceBundle sign(EvidenceBundle unsigned) {
        return new EvidenceBundle(unsigned.format(), unsigned.tenant(), unsigned.scope(), unsigned.generatedAt(),
                unsigned.checkpoint(), unsigned.publicKey(), unsigned.entries(), signer.sign(unsigned.signedText()));
    }
}
