package dev.consentry.audit.service;

import dev.consentry.audit.config.AuditConfig;
import dev.consentry.audit.model.AuditCheckpoint;
import dev.consentry.audit.repository.AuditCheckpointRepository;
import dev.consentry.audit.repository.AuditLogHeadRepository;
import dev.consentry.audit.repository.VerificationReader;
import dev.consentry.audit.service.checkpoint.CheckpointSigner;
import dev.consentry.audit.service.tree.Frontier;
import dev.consentry.audit.verifier.Rfc9162;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Base64;
import java.util.List;

/**
 * Recomputes a tenant's tree from the entries' contents, page by page, and compares: every leaf with the entry's
 * stored leaf hash, entry numbers without gaps, the root with the head, and the root at each checkpoint's size
 * with the signed checkpoint. Reports the first entry that does not match; when the stored hashes were rewritten to
 * fit altered entries, the signed checkpoints still pin the change down to a range.
 */
@ApplicationScoped
public class LogVerifier {

    private final AuditLogHeadRepository heads;
    private final VerificationReader reader;
    private final AuditCheckpointRepository checkpoints;
    private final CheckpointSigner signer;
    private final int page;

    public LogVerifier(AuditLogHeadRepository heads, VerificationReader reader, AuditCheckpointRepository checkpoints,
                       CheckpointSigner signer, AuditConfig config) {
        this.page = config.verificationPageSize();
        this.heads = heads;
        this.reader = reader;
        this.checkpoints = checkpoints;
        this.signer = signer;
    }

    private static final class Run {
        final Frontier tree = Frontier.empty();
        final List<AuditCheckpoint> checkpoints;
        int checkpointIndex;
        int checked;
        long lastGoodCheckpoint;
        LogVerification failure;

        Run(List<AuditCheckpoint> checkpoints) {
            this.checkpoints = checkpoints;
        }
    }

    @WithSession
    public Uni<LogVerification> verify(String tenant) {
        return heads.findById(tenant).flatMap(head -> checkpoints.forTenant(tenant).flatMap(cps -> {
            long size = head == null ? 0 : head.size;
            Run run = new Run(cps);
            return pages(tenant, size, run).map(v -> conclude(run, size, head == null ? null : head.rootHash));
        }));
    }

    /**
     * Reads and checks the log page after page, stopping at the first failure. Each page is dropped once checked, so
     * memory stays at one page whatever the log's size.
     */
    private Uni<Void> pages(String tenant, long size, Run run) {
        return Multi.createFrom().range(0, (int) ((size + page - 1) / page))
                .onItem().transformToUniAndConcatenate(i -> {
                    long fromSeq = 1 + (long) i * page;
                    long toSeq = Math.min(size, fromSeq + page - 1);
                    if (run.failure != null) {
                        return Uni.createFrom().voidItem();
                    }
                    return reader.page(tenant, fromSeq, toSeq)
                            .invoke(entries -> check(entries, fromSeq, toSeq, size, run))
                            .replaceWithVoid();
                })
                .collect().last().replaceWithVoid();
    }

    private void check(List<VerificationReader.EntryRow> list, long fromSeq, long toSeq, long size, Run run) {
        long expected = fromSeq;
        for (VerificationReader.EntryRow e : list) {
            if (e.seq() != expected) {
                run.failure = bad(size, expected, "entry " + expected + " is missing");
                return;
            }
            byte[] leaf = Rfc9162.leafHash(e.leafData());
            if (!Base64.getEncoder().encodeToString(leaf).equals(e.leafHash())) {
                run.failure = bad(size, expected, "entry " + expected + " does not match its leaf hash: it was altered or moved");
                return;
            }
            run.tree.add(leaf);
            if (!checkpointsHold(run)) {
                return;
            }
            expected++;
        }
        if (expected <= toSeq) {
            run.failure = bad(size, expected, "entry " + expected + " is missing");
        }
    }

    /** Compares the recomputed root with every checkpoint of the size reached. */
    private boolean checkpointsHold(Run run) {
        while (run.checkpointIndex < run.checkpoints.size()
                && run.checkpoints.get(run.checkpointIndex).key.treeSize() == run.tree.size()) {
            AuditCheckpoint cp = run.checkpoints.get(run.checkpointIndex++);
            run.checked++;
            boolean signed = cp.toCheckpoint().verify(signer.publicKey());
            String root = Base64.getEncoder().encodeToString(run.tree.root());
            if (signed && !root.equals(cp.rootHash)) {
                run.failure = new LogVerification(false, run.tree.size(), null, run.checked, null,
                        run.lastGoodCheckpoint + 1, cp.key.treeSize(), "the entries no longer produce the root signed "
                        + "at size " + cp.key.treeSize() + ": an entry in the range was rewritten with its hashes");
                return false;
            }
            if (signed) {
                run.lastGoodCheckpoint = cp.key.treeSize();
            }
        }
        return true;
    }

    private static LogVerification conclude(Run run, long size, String headRoot) {
        if (run.failure != null) {
            return run.failure;
        }
        String root = Base64.getEncoder().encodeToString(run.tree.root());
        if (headRoot != null && !root.equals(headRoot)) {
            return new LogVerification(false, size, null, run.checked, null, null, null,
                    "the stored root does not match the entries");
        }
        return new LogVerification(true, size, root, run.checked, null, null, null, null);
    }

    private static LogVerification bad(long size, long seq, String problem) {
        return new LogVerification(false, size, null, 0, seq, null, null, problem);
    }
}
