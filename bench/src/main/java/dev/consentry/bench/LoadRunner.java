package dev.consentry.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives one operation from several threads. Closed loop: each thread sends its next request when the last one
 * answered (throughput). Fixed rate: requests are due at a steady pace and latency counts from when each was due,
 * so a stall is charged to every request it delays (no coordinated omission).
 */
final class LoadRunner {

    /** One request; returns false for an error answer. */
    @FunctionalInterface
    interface Operation {
        boolean call(long i) throws Exception;
    }

    /**
     * @param oversleepMicros fixed rate only (else null): how late a thread of the generator that sleeps 1 ms at a
     *                        time woke up, over the same window — the machine's own scheduling delay, which every
     *                        request's latency includes when the generator shares the cores with the service
     */
    record Outcome(long operations, long errors, double seconds, Histogram latencyMicros, Histogram oversleepMicros) {
        double throughput() {
            return operations / seconds;
        }

        double p50Millis() {
            return latencyMicros.getValueAtPercentile(50) / 1000.0;
        }

        double p99Millis() {
            return latencyMicros.getValueAtPercentile(99) / 1000.0;
        }
    }

    private LoadRunner() {
    }

    /** The windows a warm-up ran (requests/s each) and how long it took. */
    record WarmUp(List<Double> rates, double seconds) {
        String describe() {
            StringBuilder sb = new StringBuilder();
            for (double r : rates) {
                sb.append(sb.isEmpty() ? "" : ", ").append(Math.round(r));
            }
            return String.format("warm-up %.0f s, windows of %s /s", seconds, sb);
        }
    }

    /**
     * Runs {@code op} unmeasured until the JIT has compiled its path: windows of up to 10 s until three in a row set
     * no new best (none more than 5 % above the fastest before it), for at most {@code longest}. On two shared cores a
     * path takes from half a minute (a lookup) to four or five minutes (a consent write, whose events the relay and
     * two consumers also compile for) to reach its pace; measured cold, a write ran at a quarter of it. The earlier rule
     * (two windows within 10 %) stopped while the rate still rose a little with each window.
     */
    static WarmUp warmUp(int threads, Duration longest, Operation op) throws InterruptedException {
        long started = System.nanoTime();
        long end = started + longest.toNanos();
        Duration window = Duration.ofSeconds(Math.max(1, Math.min(10, longest.toSeconds())));
        List<Double> rates = new ArrayList<>();
        double best = 0;
        int withoutNewBest = 0;
        while (System.nanoTime() < end && withoutNewBest < 3) {
            double rate = closedLoop(threads, window, op).throughput();
            rates.add(rate);
            if (rate > best * 1.05) {
                best = rate;
                withoutNewBest = 0;
            } else {
                withoutNewBest++;
            }
        }
        return new WarmUp(rates, (System.nanoTime() - started) / 1e9);
    }

    static Outcome closedLoop(int threads, Duration duration, Operation op) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong count = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long i = count.getAndIncrement();
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = op.call(i);
                    } catch (Exception e) {
                        ok = false;
                    }
                    recorder.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Outcome(count.get(), errors.get(), seconds, recorder.getIntervalHistogram(), null);
    }

    /** The generator's own sleep, whose oversleep tells how long a thread waits for a core on this machine. */
    private static final long TICK_NANOS = 1_000_000;

    /**
     * Requests due at {@code perSecond} from {@code threads} connections, each timed from when it was due; beside them
     * a thread of the generator sleeps 1 ms at a time and records how late it woke ({@link Outcome#oversleepMicros}).
     */
    static Outcome fixedRate(int threads, double perSecond, Duration duration, Operation op) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        long intervalNanos = (long) (1e9 / perSecond * threads);
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long offset = intervalNanos * t / threads;
            Thread worker = new Thread(() -> {
                long due = started + offset;
                while (due < end) {
                    long now = System.nanoTime();
                    if (now < due) {
                        java.util.concurrent.locks.LockSupport.parkNanos(due - now);
                    }
                    boolean ok;
                    try {
                        ok = op.call(sent.getAndIncrement());
                    } catch (Exception e) {
                        ok = false;
                    }
                    recorder.recordValue(Math.max(1, (System.nanoTime() - due) / 1000));
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                    due += intervalNanos;
                }
            });
            workers.add(worker);
            worker.start();
        }
        Recorder oversleep = new Recorder(3);
        Thread ticker = new Thread(() -> {
            while (System.nanoTime() < end) {
                long before = System.nanoTime();
                java.util.concurrent.locks.LockSupport.parkNanos(TICK_NANOS);
                oversleep.recordValue(Math.max(1, (System.nanoTime() - before - TICK_NANOS) / 1000));
            }
        });
        ticker.start();
        for (Thread w : workers) {
            w.join();
        }
        ticker.join();
        return new Outcome(sent.get(), errors.get(), (System.nanoTime() - started) / 1e9, recorder.getIntervalHistogram(),
                oversleep.getIntervalHistogram());
    }
}
