package dev.consentry.dsr.service.retention;

import dev.consentry.dsr.model.RetentionAction;
import dev.consentry.dsr.model.SubjectLifecycle;
import dev.consentry.dsr.repository.DsrRequestRepository;
import dev.consentry.dsr.repository.RetentionActionRepository;
import dev.consentry.dsr.repository.SubjectLifecycleRepository;
import dev.consentry.dsr.service.RequestEvents;
import dev.consentry.dsr.service.Restrictions;
import dev.consentry.dsr.service.view.LifecycleView;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.platform.vault.SubjectVault;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The storefront's account signals (R9, R10): a login or other activity, an order completed, an account closed. They
 * date the retention periods; a login or an order also ends a dormant-account chain under way (recorded, and a
 * separation lifted) unless its erasure has begun. Signals only ever move a date later, so repeating one is harmless.
 * Runs in the caller's transaction.
 */
@ApplicationScoped
public class LifecycleSignals {

    /** How far ahead of this service's clock a storefront's clock may run. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final SubjectKeys subjectKeys;
    private final SubjectVault vault;
    private final RetentionActionRepository actions;
    private final DsrRequestRepository requests;
    private final Restrictions restrictions;
    private final RequestEvents events;
    private final Clock clock;
    private final SubjectLifecycleRepository lifecycles;

    public LifecycleSignals(SubjectKeys subjectKeys, SubjectVault vault, RetentionActionRepository actions,
                            DsrRequestRepository requests, Restrictions restrictions, RequestEvents events, Clock clock,
                            SubjectLifecycleRepository lifecycles) {
        this.lifecycles = lifecycles;
        this.subjectKeys = subjectKeys;
        this.vault = vault;
        this.actions = actions;
        this.requests = requests;
        this.restrictions = restrictions;
        this.events = events;
        this.clock = clock;
    }

    /** An account signal: login, activity, order_completed or account_closed, and when (null: now). */
    public record Signal(String event, Instant at) {
    }

    public Uni<LifecycleView> record(String tenant, String subjectId, Signal signal) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant at = signal.at() == null ? now : signal.at().truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.unprocessable("at-in-future", "A lifecycle event cannot have happened in the future.");
        }
        String subjectKey = subjectKeys.of(tenant, subjectId);
        return vault.cipher(tenant, subjectKey).flatMap(cipher -> lifecycles.findById(
                new SubjectLifecycle.Key(tenant, subjectKey)).flatMap(existing -> {
            SubjectLifecycle l = existing != null ? existing : new SubjectLifecycle();
            if (existing == null) {
                l.key = new SubjectLifecycle.Key(tenant, subjectKey);
                l.subjectIdSealed = cipher.seal(subjectId);
            }
            Instant previousActivity = l.lastActivityAt;
            switch (signal.event()) {
                case "order_completed" -> {
                    l.lastOrderAt = later(l.lastOrderAt, at);
                    l.lastActivityAt = later(l.lastActivityAt, at);
                }
                case "account_closed" -> l.accountClosedAt = later(l.accountClosedAt, at);
                default -> l.lastActivityAt = later(l.lastActivityAt, at);
            }
            Uni<Void> stored = existing != null ? Uni.createFrom().voidItem() : lifecycles.persist(l).replaceWithVoid();
            boolean activityMoved = previousActivity != null && !previousActivity.equals(l.lastActivityAt);
            return stored.flatMap(v -> activityMoved ? endDormancy(l, previousActivity, now) : Uni.createFrom().voidItem())
                    .flatMap(v -> view(l));
        }));
    }

    @WithSession
    public Uni<LifecycleView> find(String tenant, String subjectId) {
        String subjectKey = subjectKeys.of(tenant, subjectId);
        return lifecycles.findById(new SubjectLifecycle.Key(tenant, subjectKey)).flatMap(l -> {
            if (l == null) {
                throw ProblemException.notFound("The storefront has told Consentry nothing about this customer's account.");
            }
            return view(l);
        });
    }

    /**
     * A login or an order ends the dormancy chain that counted from the previous activity, if it began: recorded
     * once, and a separation in force is lifted. Once the chain's erasure has begun it runs to its end.
     */
    private Uni<Void> endDormancy(SubjectLifecycle l, Instant chainStart, Instant now) {
        return actions.dormancyChain(l.key.tenant(), l.key.subjectKey(), chainStart).flatMap(chain -> {
            Map<String, RetentionAction> steps = chain.stream()
                    .collect(Collectors.toMap(a -> a.ruleId, Function.identity()));
            if (steps.isEmpty() || steps.containsKey(ActionKinds.DORMANCY_ERASURE_RULE)
                    || steps.containsKey(ActionKinds.DORMANCY_CANCELLED_RULE)) {
                return Uni.createFrom().voidItem();
            }
            RetentionAction cancelled = new RetentionAction();
            cancelled.id = UUID.randomUUID();
            cancelled.tenant = l.key.tenant();
            cancelled.subjectKey = l.key.subjectKey();
            cancelled.ruleId = ActionKinds.DORMANCY_CANCELLED_RULE;
            cancelled.kind = ActionKinds.DORMANCY_CANCELLED;
            cancelled.startedAt = chainStart;
            cancelled.dueAt = now;
            cancelled.actedAt = now;
            cancelled.categories = new String[0];
            cancelled.outcome = ActionKinds.CANCELLED;
            RetentionAction separation = steps.get(ActionKinds.DORMANCY_SEPARATION_RULE);
            Uni<Void> lifted = separation == null || separation.requestId == null ? Uni.createFrom().voidItem()
                    : requests.find(l.key.tenant(), separation.requestId).flatMap(r -> r == null || r.liftedAt != null
                    ? Uni.createFrom().voidItem() : restrictions.liftIn(r, now));
            return actions.claim(cancelled).flatMap(claimed -> !claimed ? Uni.createFrom().voidItem()
                    : lifted.flatMap(v -> events.retentionAction(cancelled, Triggers.LAST_ACTIVITY)));
        });
    }

    private Uni<LifecycleView> view(SubjectLifecycle l) {
        Uni<List<RetentionAction>> chain = l.lastActivityAt == null ? Uni.createFrom().item(List.of())
                : actions.dormancyChain(l.key.tenant(), l.key.subjectKey(), l.lastActivityAt);
        return chain.flatMap(steps -> actions.list("tenant = ?1 and subjectKey = ?2 and ruleId = ?3 order by actedAt desc",
                        l.key.tenant(), l.key.subjectKey(), ActionKinds.DORMANCY_CANCELLED_RULE)
                .map(cancellations -> new LifecycleView(l.lastActivityAt, l.lastOrderAt, l.accountClosedAt,
                        stage(steps), cancellations.isEmpty() ? null : cancellations.get(0).actedAt)));
    }

    private static String stage(List<RetentionAction> chain) {
        String stage = "active";
        for (RetentionAction a : chain) {
            stage = switch (a.ruleId) {
                case ActionKinds.DORMANCY_NOTICE_RULE -> "notified";
                case ActionKinds.DORMANCY_SEPARATION_RULE -> "separated";
                case ActionKinds.DORMANCY_ERASURE_RULE -> "erasing";
                default -> stage;
            };
        }
        return stage;
    }

    private static Instant later(Instant current, Instant at) {
        return current == null || at.isAfter(current) ? at : current;
    }
}
