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

    record Outcome(long operations, long errors, double seconds, Histogram latencyMicros) {
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

    /**
     * Runs {@code op} unmeasured until the JIT has compiled its path: windows of up to 10 s until two in a row differ
     * by at most 10 %, for at most {@code longest}. On two shared cores a path takes from half a minute (a lookup) to
     * two (a consent write) to reach its pace; measured cold, a write ran at a third of it.
     */
    static void warmUp(int threads, Duration longest, Operation op) throws InterruptedException {
        long end = System.nanoTime() + longest.toNanos();
        Duration window = Duration.ofSeconds(Math.max(1, Math.min(10, longest.toSeconds())));
        double last = -1;
        while (System.nanoTime() < end) {
            double rate = closedLoop(threads, window, op).throughput();
            if (last > 0 && Math.abs(rate - last) <= 0.1 * last) {
                return;
            }
            last = rate;
        }
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
        return new Outcome(count.get(), errors.get(), seconds, recorder.getIntervalHistogram());
    }

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
        for (Thread w : workers) {
            w.join();
        }
        return new Outcome(sent.get(), errors.get(), (System.nanoTime() - started) / 1e9, recorder.getIntervalHistogram());
    }
}
