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
     * Waits until the services and the rest of the machine are nearly idle for 3 seconds in a row (at most
     * {@code max}): the services under 10 % of one core together, and the whole machine — PostgreSQL's autovacuum
     * after a million appended rows, the broker — under 20 % of one core besides the harness's own idle threads. Work
     * started by the set-up (events relayed to Kafka and consumed by the other services, the tables they grew being
     * vacuumed) must not be counted against the next workload.
     */
    static void awaitQuiet(java.util.List<Long> pids, java.time.Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        int quietSeconds = 0;
        long before = cpuTicks(pids);
        long machineBefore = machineBusyTicks();
        while (System.nanoTime() < end && quietSeconds < 3) {
            Thread.sleep(1_000);
            long now = cpuTicks(pids);
            long machineNow = machineBusyTicks();
            // 100 ticks per second per core
            boolean quiet = now - before < 10 && machineNow - machineBefore < 20;
            quietSeconds = quiet ? quietSeconds + 1 : 0;
            before = now;
            machineBefore = machineNow;
        }
    }

    /** The machine's busy CPU ticks so far (user, nice, system, irq, softirq, steal from /proc/stat); 0 elsewhere. */
    private static long machineBusyTicks() {
        try {
            String[] cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3]) + Long.parseLong(cpu[6])
                    + Long.parseLong(cpu[7]) + Long.parseLong(cpu[8]);
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
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
