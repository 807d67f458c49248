package dev.consentry.bench;

import java.util.List;

final class Stats {

    private Stats() {
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Resident set size of a process in MiB, from /proc (Linux). */
    static double rssMiB(long pid) {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /**
     * Waits until the processes are nearly idle (under 10% of one core together for 3 seconds in a row, at most
     * {@code max}): work started by the set-up (events relayed to Kafka, consumed by the other services) must not be
     * counted against the next workload.
     */
    static void awaitQuiet(java.util.List<Long> pids, java.time.Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        int quietSeconds = 0;
        long before = cpuTicks(pids);
        while (System.nanoTime() < end && quietSeconds < 3) {
            Thread.sleep(1_000);
            long now = cpuTicks(pids);
            quietSeconds = now - before < 10 ? quietSeconds + 1 : 0; // 100 ticks per second per core
            before = now;
        }
    }

    private static long cpuTicks(java.util.List<Long> pids) {
        long total = 0;
        for (long pid : pids) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (java.io.IOException | RuntimeException e) {
                // the process is gone or this is not Linux: nothing to wait for
            }
        }
        return total;
    }
}
