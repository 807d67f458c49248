package dev.consentry.bench;

import dev.consentry.devstack.Database;
import dev.consentry.devstack.LocalPlatform;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * The benchmark command (bench/run): starts the local platform, measures pgbench on the same PostgreSQL as the
 * physical baseline, runs every workload {@code runs} times, and writes the medians with the machine description.
 */
public final class BenchmarkMain {

    /**
     * What to run: runs per workload, seconds per run, the platform's first port, where results go, how many subjects,
     * audit events and retention subjects, and which services are restarted alone for their start time and idle RSS.
     */
    public record Options(int runs, int seconds, int warmupSeconds, int basePort, Path out, int subjects,
                          int auditEvents, int retentionSubjects, List<String> startAlone, String serviceJavaOptions) {
        static Options parse(String[] args) {
            int runs = 3;
            int seconds = 10;
            int warmup = 300;
            int subjects = 10_000;
            int auditEvents = 20_000;
            int retentionSubjects = 1_000_000;
            Path out = Path.of("bench/results");
            String javaOptions = "";
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--runs" -> runs = Integer.parseInt(args[++i]);
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--audit-events" -> auditEvents = Integer.parseInt(args[++i]);
                    case "--retention-subjects" -> retentionSubjects = Integer.parseInt(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    case "--service-java-options" -> javaOptions = args[++i].trim();
                    case "--appcds" -> {
                        // bench/run packaged the services with their class-data archives; they start with them
                    }
                    case "--quick" -> {
                        runs = 1;
                        seconds = 2;
                        warmup = 1;
                        subjects = 200;
                        auditEvents = 300;
                        retentionSubjects = 2_000;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (use --runs N, --seconds S, --warmup S, --audit-events N, --retention-subjects N, --out DIR,"
                            + " --service-java-options \"...\", --appcds or --quick)");
                }
            }
            return new Options(runs, seconds, warmup, 28081, out, subjects, auditEvents, retentionSubjects, LocalPlatform.SERVICES,
                    javaOptions);
        }

        /**
         * How long a service rests before its idle RSS is read: 30 s in a real run, two of the chart's periodic
         * collections (every 15 s when nothing else collected), which give back what the start took.
         */
        long idleMillis() {
            return Math.min(30, seconds * 3) * 1_000L;
        }

        /** The services' JVM settings as the report states them. */
        String serviceJvm() {
            return "-Xmx384m, the chart's G1 periodic collection, heap free ratios and native heap trim"
                    + (serviceJavaOptions.isEmpty() ? "" : ", " + serviceJavaOptions);
        }

        /** What every service gets besides the harness's own settings: its JVM options, when given. */
        Map<String, Map<String, String>> serviceEnv() {
            Map<String, Map<String, String>> env = new java.util.HashMap<>();
            for (String name : LocalPlatform.SERVICES) {
                Map<String, String> e = new java.util.HashMap<>();
                if (!serviceJavaOptions.isEmpty()) {
                    // {service} names the service, e.g. a flight recording of its own per service
                    e.put("JDK_JAVA_OPTIONS", serviceJavaOptions.replace("{service}", name));
                }
                if (name.equals("dsr-service")) {
                    e.put("CONSENTRY_DSR_RETENTION_EVERY", "off");
                }
                env.put(name, e);
            }
            return env;
        }
    }

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Report report = run(options, Path.of(System.getProperty("consentry.home", ".")).toAbsolutePath().normalize());
        System.out.println(report.markdown());
        System.exit(0);
    }

    private static double p99Millis(Histogram h) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(99) / 1000.0;
    }

    public static Report run(Options o, Path repoRoot) throws Exception {
        Instant started = Instant.now();
        List<Result> results = new ArrayList<>();
        String baselineTool = "pgbench not installed";
        // the retention schedule itself stays off: its evaluation is measured through the dry run, and half a million
        // due steps taken in the background would weigh on every other workload
        try (LocalPlatform platform = LocalPlatform.start(repoRoot, repoRoot.resolve("bench/target/platform"), o.basePort(),
                o.serviceEnv())) {
            // an interrupted run (Ctrl-C, kill) still stops the services it started
            Thread stopper = new Thread(platform::close);
            Runtime.getRuntime().addShutdownHook(stopper);
            for (LocalPlatform.RunningService s : platform.runningServices()) {
                results.add(new Result("footprint", s.name() + " ready after start", "< 3 s", null,
                        s.startSeconds(), "s", null, Double.isNaN(s.startSeconds()) ? null : s.startSeconds() < 3,
                        "as Quarkus reports it, the three services starting together on this machine"));
            }
            Thread.sleep(o.idleMillis());
            for (LocalPlatform.RunningService s : platform.runningServices()) {
                double rss = Stats.rssMiB(s.pid());
                results.add(new Result("footprint", s.name() + " idle RSS", "< 250 MB", null, rss, "MiB", null,
                        Double.isNaN(rss) ? null : rss * 1.048576 < 250,
                        String.format("%d s after the three started; %s", o.idleMillis() / 1000, o.serviceJvm())));
            }

            Database pgDb = platform.database("bench_pgbench");
            Optional<PgBench> pgbench = PgBench.find(pgDb);
            OptionalDouble selectTps = OptionalDouble.empty();
            OptionalDouble writeTps = OptionalDouble.empty();
            if (pgbench.isPresent()) {
                say("baseline: pgbench -S and -N on the services' PostgreSQL server");
                baselineTool = pgbench.get().version();
                pgbench.get().initialise(10);
                selectTps = median(o.runs(), () -> pgbench.get().tps("-S", 16, o.seconds()));
                writeTps = median(o.runs(), () -> pgbench.get().tps("-N", 16, o.seconds()));
            }

            String consentUrl = "http://localhost:" + platform.port("consent-service");
            Api storefront = new Api(consentUrl, platform.demoTokens().get("STOREFRONT_TOKEN"));
            Api dpo = new Api(consentUrl, platform.demoTokens().get("DPO_TOKEN"));
            say("seeding " + o.subjects() + " subjects, then waiting for the platform to go quiet");
            new Workloads(dpo, o.subjects()).seed();
            Workloads w = new Workloads(storefront, o.subjects());
            List<Long> pids = platform.runningServices().stream().map(LocalPlatform.RunningService::pid).toList();
            awaitQuiet(o, pids, Duration.ofMinutes(3));
            Duration d = Duration.ofSeconds(o.seconds());

            // 1. decision lookups
            say("decision lookups");
            // warm-up (LoadRunner.warmUp): until the rate stops rising, at most --warmup seconds
            LoadRunner.WarmUp lookupsWarm = LoadRunner.warmUp(16, Duration.ofSeconds(o.warmupSeconds()), w::decision);
            say(lookupsWarm.describe());
            List<LoadRunner.Outcome> single = repeat(o.runs(), () -> LoadRunner.closedLoop(16, d, w::decision));
            double singleTps = medianOf(single, LoadRunner.Outcome::throughput);
            results.add(throughput("decision lookups (single purpose)", singleTps, selectTps, 1.0, "pgbench -S",
                    lookupsWarm));
            // as many connections as the closed loop had, each asked for half its pace: a connection has room for a
            // slow answer before the next request is due (with fewer, one slow answer delays every request after it)
            List<LoadRunner.Outcome> half = repeat(o.runs(), () -> LoadRunner.fixedRate(16, singleTps / 2, d, w::decision));
            double p99 = medianOf(half, LoadRunner.Outcome::p99Millis);
            double oversleepP99 = medianOf(half, h -> h.oversleepMicros().getValueAtPercentile(99) / 1000.0);
            double oversleepMax = medianOf(half, h -> h.oversleepMicros().getMaxValue() / 1000.0);
            results.add(new Result("decision lookups (single purpose)", "p99 at half that rate", "< 5 ms", null, p99,
                    "ms", null, p99 < 5, String.format("%.0f requests/s offered; in the same windows a generator thread"
                            + " sleeping 1 ms woke %.1f ms late at p99, %.1f ms at most", singleTps / 2, oversleepP99,
                    oversleepMax)));
            awaitQuiet(o, pids, Duration.ofMinutes(1));
            List<LoadRunner.Outcome> batch = repeat(o.runs(), () -> LoadRunner.closedLoop(16, d, w::batchDecision));
            results.add(throughput("decision lookups (batch of 4 purposes)", medianOf(batch, LoadRunner.Outcome::throughput),
                    selectTps, 1.0, "pgbench -S"));
            int violations = w.withdrawalThenDecision(o.runs() * 20);
            results.add(new Result("decision lookups", "deny right after a withdrawal returns", "0 violations", null,
                    (double) violations, "violations", null, violations == 0, (o.runs() * 20) + " withdrawals checked"));

            // 1b. the same lookups spread over two consent-service replicas (on two cores they compete for the same
            // CPU: what must hold is the withdrawal check across replicas), then back to one
            say("decision lookups on two consent-service replicas");
            int secondPort = o.basePort() + 20;
            platform.startReplica("consent-service", secondPort);
            try {
                Workloads two = new Workloads(storefront, new Api("http://localhost:" + secondPort,
                        platform.demoTokens().get("STOREFRONT_TOKEN")), o.subjects());
                say(LoadRunner.warmUp(16, Duration.ofSeconds(o.warmupSeconds()), two::decisionOnEither).describe());
                double twoTps = medianOf(repeat(o.runs(), () -> LoadRunner.closedLoop(16, d, two::decisionOnEither)),
                        LoadRunner.Outcome::throughput);
                results.add(new Result("decision lookups (single purpose)", "two replicas vs one", "correct; need not grow on 2 cores",
                        singleTps, twoTps, "requests/s", twoTps / singleTps, null,
                        String.format("%.0f requests/s over two replicas, %.0f on one", twoTps, singleTps)));
                int across = two.withdrawalThenDecision(o.runs() * 20);
                results.add(new Result("decision lookups", "deny on the other replica right after a withdrawal returns",
                        "0 violations", null, (double) across, "violations", null, across == 0,
                        (o.runs() * 20) + " withdrawals through one replica, each read at once on the other"));
            } finally {
                platform.stopReplicas();
            }

            awaitQuiet(o, pids, Duration.ofMinutes(3));
            // 2. consent writes, and how soon their events are on Kafka
            say("consent writes");
            // with the measured operation: a 5-purpose form sends five events per write to the consumers, whose growing
            // backlog took the rate down while the write's path was still being compiled, and ended the warm-up early
            LoadRunner.WarmUp writesWarm = LoadRunner.warmUp(16, Duration.ofSeconds(o.warmupSeconds()),
                    i -> w.consentWrite(i, 1));
            say(writesWarm.describe());
            awaitQuiet(o, pids, Duration.ofMinutes(3));
            try (Workloads.EventLatency events = new Workloads.EventLatency(platform.kafkaBootstrap())) {
                events.awaitAssignment();
                List<LoadRunner.Outcome> writes = repeat(o.runs(), () -> LoadRunner.closedLoop(16, d, i -> w.consentWrite(i, 1)));
                results.add(throughput("consent writes (one purpose)", medianOf(writes, LoadRunner.Outcome::throughput),
                        writeTps, 0.5, "pgbench -N", writesWarm));
                List<LoadRunner.Outcome> forms = repeat(o.runs(), () -> LoadRunner.closedLoop(16, d, i -> w.consentWrite(i, 5)));
                results.add(throughput("consent writes (5-purpose form)", medianOf(forms, LoadRunner.Outcome::throughput),
                        writeTps, 0.5, "pgbench -N"));
                Thread.sleep(3_000);
                var afterCommit = events.afterCommit();
                var afterWrite = events.afterWrite();
                double eventP99 = p99Millis(afterCommit);
                double writtenP99 = p99Millis(afterWrite);
                results.add(new Result("consent writes", "event on Kafka after commit, p99", "< 250 ms", null, eventP99,
                        "ms", null, Double.isNaN(eventP99) ? null : eventP99 < 250, afterCommit.getTotalCount()
                        + " events, timed from their transaction's commit (PostgreSQL's commit timestamp) to their arrival"
                        + " at a consumer; p50 " + String.format("%.0f", afterCommit.getValueAtPercentile(50) / 1000.0) + " ms"));
                results.add(new Result("consent writes", "event on Kafka after the request wrote it, p99", "reported", null,
                        writtenP99, "ms", null, null, afterWrite.getTotalCount() + " events, timed from the event's time"
                        + " (written before the commit), as runs 1-7 timed the row above"));
            }

            awaitQuiet(o, pids, Duration.ofMinutes(3));
            // 3. correction fan-out to 20 partners
            say("correction fan-out to " + FanOutWorkload.RECIPIENTS + " partners");
            String dsrUrl = "http://localhost:" + platform.port("dsr-service");
            try (FanOutWorkload fanOut = new FanOutWorkload(new Api(dsrUrl, platform.demoTokens().get("STOREFRONT_TOKEN")),
                    platform.kafkaBootstrap())) {
                fanOut.seed(new Api(dsrUrl, platform.demoTokens().get("ADMIN_TOKEN")),
                        new Api(dsrUrl, platform.demoTokens().get("DPO_TOKEN")));
                int corrections = o.seconds() < 5 ? 3 : 40;
                List<Double> p99s = new ArrayList<>();
                for (int r = 0; r < o.runs(); r++) {
                    p99s.add((double) fanOut.measure(corrections, Duration.ofSeconds(30)).getValueAtPercentile(99));
                }
                double fanOutP99 = Stats.median(p99s);
                results.add(new Result("correction fan-out", FanOutWorkload.RECIPIENTS
                        + " notices on Kafka after verification, p99", "< 500 ms", null, fanOutP99, "ms", null,
                        fanOutP99 < 500, corrections + " corrections per run, timed from sending the request"));
            }

            awaitQuiet(o, pids, Duration.ofMinutes(3));
            // 5. bulk import
            say("bulk import");
            int lines = Math.min(10_000, Math.max(500, o.subjects()));
            // warm-up: the import's path compiled as the other workloads' are, then its events consumed
            w.importBatch(lines);
            awaitQuiet(o, pids, Duration.ofMinutes(3));
            List<Double> importRates = new ArrayList<>();
            for (int r = 0; r < o.runs(); r++) {
                long t0 = System.nanoTime();
                int done = w.importBatch(lines);
                importRates.add(done / ((System.nanoTime() - t0) / 1e9));
            }
            double importRate = Stats.median(importRates);
            results.add(new Result("bulk import (NDJSON)", "records/s", ">= 20,000", null, importRate, "records/s",
                    null, importRate >= 20_000, lines + " records per request"));

            for (LocalPlatform.RunningService s : platform.runningServices()) {
                results.add(new Result("footprint", s.name() + " RSS after the load", "reported", null,
                        Stats.rssMiB(s.pid()), "MiB", null, null, null));
            }
            // 4. audit: ingest from Kafka into the Merkle log, inclusion proofs, full verification
            awaitQuiet(o, pids, Duration.ofMinutes(3));
            say("audit log: ingest " + o.auditEvents() + " events, proofs, verification");
            AuditWorkloads audit = new AuditWorkloads(new Api("http://localhost:" + platform.port("audit-service"),
                    platform.demoTokens().get("AUDITOR_TOKEN")), platform.kafkaBootstrap(), "shop-a");
            double ingest = audit.ingest(o.auditEvents(), Duration.ofSeconds(Math.max(600, o.auditEvents() / 500)));
            results.add(new Result("audit", "ingest into the Merkle log", ">= 15,000 events/s (goal 30,000)", null, ingest,
                    "events/s", null, ingest >= 15_000, o.auditEvents() + " consent events from Kafka"));
            // dsr-service also consumes those consent events: proofs are measured once the platform is quiet again
            awaitQuiet(o, pids, Duration.ofMinutes(30));
            long logSize = audit.size();
            String sizeNote = logSize >= 1_000_000 ? String.format("at %,d entries", logSize)
                    : String.format("at %,d entries, not 1M (bench/run --audit-events N grows the log)", logSize);
            say(LoadRunner.warmUp(8, Duration.ofSeconds(o.warmupSeconds()), i -> audit.inclusionProof(logSize)).describe());
            List<LoadRunner.Outcome> lone = repeat(o.runs(), () -> LoadRunner.closedLoop(1, d, i -> audit.inclusionProof(logSize)));
            double loneP99 = medianOf(lone, LoadRunner.Outcome::p99Millis);
            results.add(new Result("audit", "inclusion proof p99, one client", "< 5 ms at 1M entries", null, loneP99,
                    "ms", null, logSize >= 1_000_000 ? loneP99 < 5 : null, sizeNote));
            List<LoadRunner.Outcome> proofs = repeat(o.runs(), () -> LoadRunner.closedLoop(8, d, i -> audit.inclusionProof(logSize)));
            double proofP99 = medianOf(proofs, LoadRunner.Outcome::p99Millis);
            results.add(new Result("audit", "inclusion proof p99, 8 clients", "< 5 ms at 1M entries", null, proofP99,
                    "ms", null, logSize >= 1_000_000 ? proofP99 < 5 : null, String.format("%.0f proofs/s; %s",
                    medianOf(proofs, LoadRunner.Outcome::throughput), sizeNote)));
            double[] verification = audit.verification();
            double perSecond = verification[1] / verification[0];
            results.add(new Result("audit", "full verification", "1M entries < 10 s (>= 100,000 entries/s)", null,
                    perSecond, "entries/s", null, verification[2] == 1 ? perSecond >= 100_000 : Boolean.FALSE,
                    String.format("%,.0f entries in %.2f s%s", verification[1], verification[0],
                            verification[2] == 1 ? "" : ", NOT VALID")));
            // 7. the retention schedule's evaluation over many subjects of one tenant
            awaitQuiet(o, pids, Duration.ofMinutes(3));
            say("retention schedule: " + o.retentionSubjects() + " subjects");
            RetentionWorkload retention = new RetentionWorkload(new Api(dsrUrl, platform.demoTokens().get("DPO_TOKEN")),
                    platform.database("consentry_dsr"), "shop-a");
            retention.seed(o.retentionSubjects());
            retention.evaluate(); // warm-up
            List<Double> evaluations = new ArrayList<>();
            double due = Double.NaN;
            for (int r = 0; r < o.runs(); r++) {
                double[] evaluation = retention.evaluate();
                evaluations.add(evaluation[0]);
                due = evaluation[1];
            }
            double evaluationSeconds = Stats.median(evaluations);
            results.add(new Result("retention schedule", "evaluation for " + String.format("%,d", o.retentionSubjects())
                    + " subjects of one tenant", "1M subjects < 60 s", null, evaluationSeconds, "s", null,
                    o.retentionSubjects() >= 1_000_000 ? evaluationSeconds < 60 : null, String.format(
                    "3 rules and the dormancy steps; %,.0f steps due; the dry run GET /v1/retention/due", due)));
            // 6. footprint of a start alone: each service restarted on a now idle machine (no migration left to run)
            awaitQuiet(o, pids, Duration.ofMinutes(3));
            say("restarting each service alone");
            for (String name : o.startAlone()) {
                double readySeconds = platform.restartAlone(name);
                LocalPlatform.RunningService alone = platform.runningServices().stream()
                        .filter(s -> s.name().equals(name)).findFirst().orElseThrow();
                results.add(new Result("footprint", name + " ready after a start alone", "< 3 s", null,
                        readySeconds, "s", null, readySeconds < 3, String.format(
                        "wall clock from launching the JVM to a passing readiness check (Kafka consumers assigned); "
                                + "Quarkus reports started in %.2f s; the other services idle", alone.startSeconds())));
                Thread.sleep(o.idleMillis());
                double rss = Stats.rssMiB(alone.pid());
                results.add(new Result("footprint", name + " idle RSS after a start alone", "< 250 MB", null, rss,
                        "MiB", null, Double.isNaN(rss) ? null : rss * 1.048576 < 250,
                        String.format("%d s after ready; %s", o.idleMillis() / 1000, o.serviceJvm())));
            }
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
        Report report = new Report(Machine.describe(), started, o, results, baselineTool);
        report.write(repoRoot.resolve(o.out()));
        return report;
    }

    private static void say(String what) {
        System.out.println("[bench] " + Instant.now() + " " + what);
    }

    /**
     * Waits until the platform is idle, for at most {@code max}; a run of windows of a second or two (--quick, the
     * build's smoke test: figures meaningless) at most 15 s, as it may share the machine with the rest of the build.
     */
    private static void awaitQuiet(Options o, List<Long> pids, Duration max) throws InterruptedException {
        Stats.awaitQuiet(pids, o.seconds() <= 2 && max.compareTo(SMOKE_QUIET) > 0 ? SMOKE_QUIET : max);
    }

    private static final Duration SMOKE_QUIET = Duration.ofSeconds(15);

    private static Result throughput(String workload, double tps, OptionalDouble baseline, double factor, String baselineName) {
        return throughput(workload, tps, baseline, factor, baselineName, null);
    }

    /** As above; {@code warm}, when given, is the workload's warm-up, reported with the result. */
    private static Result throughput(String workload, double tps, OptionalDouble baseline, double factor, String baselineName,
                                     LoadRunner.WarmUp warm) {
        Double base = baseline.isPresent() ? baseline.getAsDouble() : null;
        Double ratio = base == null ? null : tps / base;
        String note = base == null ? "no pgbench: no baseline" : null;
        if (warm != null) {
            note = (note == null ? "" : note + "; ") + "after a " + warm.describe();
        }
        return new Result(workload, "requests/s", ">= " + factor + " x " + baselineName, base, tps, "requests/s", ratio,
                ratio == null ? null : ratio >= factor, note);
    }

    @FunctionalInterface
    private interface Run<T> {
        T get() throws Exception;
    }

    private static <T> List<T> repeat(int runs, Run<T> run) throws Exception {
        List<T> all = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            all.add(run.get());
        }
        return all;
    }

    private static double medianOf(List<LoadRunner.Outcome> outcomes, ToDoubleFunction<LoadRunner.Outcome> f) {
        return Stats.median(outcomes.stream().map(f::applyAsDouble).toList());
    }

    private static OptionalDouble median(int runs, Run<OptionalDouble> run) throws Exception {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            run.get().ifPresent(values::add);
        }
        return values.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Stats.median(values));
    }
}
