package dev.consentry.dsr.service.retention;

import dev.consentry.dsr.config.DsrConfig;
import dev.consentry.dsr.model.TenantDormancy;
import dev.consentry.dsr.repository.DueStepRepository;
import dev.consentry.dsr.repository.RetentionRuleRepository;
import dev.consentry.platform.scheduling.ClusterLock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The retention schedule (R9, R10): finds the steps due — legal holds that ended, retention rules whose period
 * passed, dormant-account steps — a batch at a time, and takes each in a transaction of its own under a cluster lock
 * (one replica at a time), then sends the queued dormancy e-mails. Restartable: a step's row is claimed in the
 * transaction that sends its notices, so after a crash the next round finds exactly the steps not yet taken. A step
 * that fails is logged (rule and kind, never the subject), counted, and ends the round; it is tried again next round.
 */
@ApplicationScoped
public class RetentionSchedule {

    private static final long LOCK = ClusterLock.key("dsr-retention-schedule");

    /** What a round did: steps taken, and whether it stopped early (lock held elsewhere, or a step failed). */
    public record Round(int taken, boolean stopped) {
    }

    private final DueStepRepository due;
    private final RetentionSteps steps;
    private final DormancyPolicies dormancy;
    private final DormancyMail mail;
    private final DsrConfig config;
    private final Clock clock;
    private final Counter failures;
    private final RetentionRuleRepository retentionRules;

    public RetentionSchedule(DueStepRepository due, RetentionSteps steps, DormancyPolicies dormancy, DormancyMail mail,
                             DsrConfig config, Clock clock, MeterRegistry registry,
                             RetentionRuleRepository retentionRules) {
        this.retentionRules = retentionRules;
        this.due = due;
        this.steps = steps;
        this.dormancy = dormancy;
        this.mail = mail;
        this.config = config;
        this.clock = clock;
        this.failures = Counter.builder("consentry_retention_step_failures_total")
                .description("Retention steps that failed and are tried again next round").register(registry);
    }

    @Scheduled(every = "${consentry.dsr.retention.every:1h}", delayed = "${consentry.dsr.retention.delay:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return runOnce().invoke(round -> {
            if (round.taken() > 0) {
                Log.infof("Retention schedule took %d step(s)", round.taken());
            }
        }).replaceWithVoid();
    }

    /** One round at the clock's present: every step due, batch after batch; then the queued e-mails. */
    public Uni<Round> runOnce() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int batchSize = config.retention().batchSize();
        return Multi.createBy().repeating().uni(() -> batch(now, batchSize))
                .whilst(batch -> !batch.outcomes().isEmpty() && !batch.outcomes().contains(Outcome.STOP))
                .collect().asList()
                .map(batches -> new Round(
                        (int) batches.stream().flatMap(b -> b.outcomes().stream()).filter(o -> o == Outcome.TAKEN).count(),
                        batches.stream().anyMatch(b -> b.outcomes().contains(Outcome.STOP))))
                .call(() -> mail.dispatch(10_000));
    }

    /** The outcome of each step of one batch; empty when nothing was due. */
    private record Batch(List<Outcome> outcomes) {
    }

    /** Reads up to {@code size} due steps and takes them one by one, stopping at the first that cannot be taken. */
    private Uni<Batch> batch(Instant now, int size) {
        return Panache.withSession(() -> dueSteps(now, size))
                .flatMap(found -> takeFrom(found, 0, now, new ArrayList<>()))
                .map(Batch::new);
    }

    private Uni<List<Outcome>> takeFrom(List<DueStep> found, int next, Instant now, List<Outcome> outcomes) {
        if (next >= found.size()) {
            return Uni.createFrom().item(outcomes);
        }
        return takeOne(found.get(next), now).flatMap(outcome -> {
            outcomes.add(outcome);
            return outcome == Outcome.STOP ? Uni.createFrom().item(outcomes) : takeFrom(found, next + 1, now, outcomes);
        });
    }

    private enum Outcome { TAKEN, ALREADY_TAKEN, STOP }

    private Uni<Outcome> takeOne(DueStep step, Instant now) {
        return Panache.withTransaction(() -> ClusterLock.tryLockForTransaction(LOCK).flatMap(locked -> !locked
                        ? Uni.createFrom().item(Outcome.STOP)
                        : steps.take(step, now).map(took -> took ? Outcome.TAKEN : Outcome.ALREADY_TAKEN)))
                .onFailure().recoverWithItem(e -> {
                    failures.increment();
                    Log.warnf("Retention step %s (%s) failed and is tried again next round: %s", step.ruleId(),
                            step.kind(), e.getClass().getSimpleName());
                    return Outcome.STOP;
                });
    }

    /** The steps due at {@code now}, up to {@code limit}: ended holds, then each rule, then each tenant's dormancy. */
    public Uni<List<DueStep>> dueSteps(Instant now, int limit) {
        List<DueStep> found = new ArrayList<>();
        return due.endedHolds(null, now, limit).invoke(found::addAll)
                .flatMap(x -> retentionRules.listAll())
                .flatMap(rules -> Multi.createFrom().iterable(rules)
                        .onItem().transformToUniAndConcatenate(rule -> due.forRule(rule, now, limit - found.size())
                                .invoke(found::addAll))
                        .collect().last())
                .flatMap(x -> dormancy.enabled())
                .flatMap(policies -> Multi.createFrom().iterable(policies)
                        .onItem().transformToUniAndConcatenate((TenantDormancy policy) -> due.dormancy(policy, now,
                                limit - found.size()).invoke(found::addAll))
                        .collect().last())
                .map(x -> List.copyOf(found));
    }
}
