package dev.consentry.dsr.service.retention;

import dev.consentry.dsr.model.RetentionAction;
import dev.consentry.dsr.model.SubjectLifecycle;
import dev.consentry.dsr.repository.DisclosureRepository;
import dev.consentry.dsr.repository.DsrRequestRepository;
import dev.consentry.dsr.repository.RetentionActionRepository;
import dev.consentry.dsr.repository.SubjectLifecycleRepository;
import dev.consentry.dsr.service.HeldSubjects;
import dev.consentry.dsr.service.NoticePlanner;
import dev.consentry.dsr.service.RequestEvents;
import dev.consentry.dsr.service.RequestIntake;
import dev.consentry.dsr.service.RequestQueries;
import dev.consentry.platform.vault.SubjectCipher;
import dev.consentry.platform.vault.SubjectVault;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes one due step of the retention schedule, exactly once (R9, R10): claims it (its {@code retention_action} row),
 * starts its notices through a request of its own (the same notices, replies and outcome as an erasure or a
 * restriction asked by the subject), settles its outcome and announces it. All in the caller's transaction, so a
 * crash before the commit leaves the step due and a crash after it leaves it done.
 */
@ApplicationScoped
public class RetentionSteps {

    private final RetentionActionRepository actions;
    private final NoticePlanner planner;
    private final RequestIntake intake;
    private final RequestEvents events;
    private final SubjectVault vault;
    private final DisclosureRepository disclosures;
    private final DsrRequestRepository requests;
    private final HeldSubjects heldSubjects;
    private final DormancyMail mail;
    private final SubjectLifecycleRepository lifecycles;

    public RetentionSteps(RetentionActionRepository actions, NoticePlanner planner, RequestIntake intake,
                          RequestEvents events, SubjectVault vault, DisclosureRepository disclosures,
                          DsrRequestRepository requests, HeldSubjects heldSubjects, DormancyMail mail,
                          SubjectLifecycleRepository lifecycles) {
        this.lifecycles = lifecycles;
        this.actions = actions;
        this.planner = planner;
        this.intake = intake;
        this.events = events;
        this.vault = vault;
        this.disclosures = disclosures;
        this.requests = requests;
        this.heldSubjects = heldSubjects;
        this.mail = mail;
    }

    /** Takes the step; false if it had been taken already. */
    public Uni<Boolean> take(DueStep step, Instant now) {
        RetentionAction a = new RetentionAction();
        a.id = UUID.randomUUID();
        a.tenant = step.tenant();
        a.subjectKey = step.subjectKey();
        a.ruleId = step.ruleId();
        a.kind = step.kind();
        a.startedAt = step.startedAt();
        a.dueAt = step.dueAt();
        a.actedAt = now;
        a.categories = step.categories().toArray(String[]::new);
        a.outcome = "pending";
        return actions.claim(a).flatMap(claimed -> !claimed ? Uni.createFrom().item(false)
                : act(step, a, now)
                .flatMap(v -> actions.settle(a))
                .flatMap(v -> events.retentionAction(a, step.trigger()))
                .replaceWith(true));
    }

    private Uni<Void> act(DueStep step, RetentionAction a, Instant now) {
        return switch (step.kind()) {
            case ActionKinds.HOLD_ENDED -> endHold(step, a, now);
            case ActionKinds.DORMANCY_NOTICE -> mail.queue(a, step.dueAt()).invoke(() -> a.outcome = ActionKinds.MAIL_QUEUED);
            case ActionKinds.DORMANCY_SEPARATION -> withSubject(a, subjectId -> planner.separation(a.tenant)
                    .flatMap(plan -> start(a, subjectId, plan, now, true)));
            case ActionKinds.DORMANCY_ERASURE -> withSubject(a, subjectId -> planner.erasureOfAll(a.tenant, now)
                    .flatMap(plan -> start(a, subjectId, plan, now, false)));
            default -> withSubject(a, subjectId -> planner.scheduledErasure(a.tenant, step.categories(), step.purpose(),
                    step.method()).flatMap(plan -> start(a, subjectId, plan, now, false)));
        };
    }

    /**
     * Opens the step's request. A separation is opened even when no system holds anything, so that the storefront
     * sees the account restricted; an erasure only when someone holds the data.
     */
    private Uni<Void> start(RetentionAction a, String subjectId, NoticePlanner.Plan plan, Instant now, boolean always) {
        if (plan.addressees().isEmpty() && !always) {
            a.outcome = ActionKinds.NOTHING_HELD;
            return Uni.createFrom().voidItem();
        }
        return intake.startOnSchedule(a.tenant, a.subjectKey, subjectId, plan, now).invoke(request -> {
            a.requestId = request.id;
            a.outcome = plan.addressees().isEmpty() ? ActionKinds.NOTHING_HELD : ActionKinds.NOTICES_SENT;
        }).replaceWithVoid();
    }

    /** A legal hold ended: what it kept is erased, and the hold's key goes with the last one (R6, R9). */
    private Uni<Void> endHold(DueStep step, RetentionAction a, Instant now) {
        return requests.find(a.tenant, step.holdRequest()).flatMap(held -> heldSubjects.open(held).flatMap(subjectId -> {
            Uni<Void> erased;
            if (subjectId.isEmpty()) {
                a.outcome = ActionKinds.SUBJECT_ERASED;
                erased = Uni.createFrom().voidItem();
            } else {
                erased = planner.scheduledErasure(a.tenant, step.categories(), null, step.method())
                        .flatMap(plan -> start(a, subjectId.get(), plan, now, false));
            }
            return erased.flatMap(v -> actions.holdEnds(a.tenant, held.id)).flatMap(ended -> {
                int holds = RequestQueries.retainedOf(held).size();
                return ended.size() >= holds ? heldSubjects.forget(held) : Uni.createFrom().voidItem();
            });
        }));
    }

    /**
     * Runs {@code work} with the subject's id: from the account signals, else from the disclosure ledger. Without
     * one, the outcome says why nothing could be sent.
     */
    private Uni<Void> withSubject(RetentionAction a, java.util.function.Function<String, Uni<Void>> work) {
        return vault.existing(a.tenant, a.subjectKey).flatMap(cipher -> {
            if (cipher.isEmpty()) {
                a.outcome = ActionKinds.SUBJECT_ERASED;
                return Uni.createFrom().voidItem();
            }
            return subjectId(a, cipher.get()).flatMap(id -> {
                if (id.isEmpty()) {
                    a.outcome = ActionKinds.SUBJECT_UNKNOWN;
                    return Uni.createFrom().voidItem();
                }
                return work.apply(id.get());
            });
        });
    }

    private Uni<Optional<String>> subjectId(RetentionAction a, SubjectCipher cipher) {
        return lifecycles.findById(new SubjectLifecycle.Key(a.tenant, a.subjectKey))
                .flatMap(l -> l != null ? Uni.createFrom().item(cipher.open(l.subjectIdSealed))
                        : disclosures.forSubject(a.tenant, a.subjectKey).map(ledger -> ledger.stream()
                        .map(d -> d.subjectIdSealed).filter(Objects::nonNull).findFirst().flatMap(cipher::open)));
    }
}
