package dev.consentry.bench;

import dev.consentry.devstack.Database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The physical baseline: pgbench against the same PostgreSQL server the services use, in the same run. {@code -S}
 * (select-only) for lookups, {@code -N} (simple update, no branch/teller contention) for writes.
 */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final Path binary;
    private final Database db;

    private PgBench(Path binary, Database db) {
        this.binary = binary;
        this.db = db;
    }

    /** Empty when no pgbench is installed. */
    static Optional<PgBench> find(Database db) {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/pgbench")));
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.map(v -> v.resolve("bin/pgbench")).forEach(candidates::add);
        } catch (IOException none) {
            // not a Debian-style install
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(p -> new PgBench(p, db));
    }

    String version() {
        return run(List.of("--version")).trim();
    }

    void initialise(int scale) {
        run(List.of("-i", "-q", "-s", Integer.toString(scale)));
    }

    /** tps of one run: {@code mode} is "-S" or "-N". */
    OptionalDouble tps(String mode, int clients, int seconds) {
        String out = run(List.of(mode, "-c", Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds)));
        Matcher m = TPS.matcher(out);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }

    private String run(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        if (!args.contains("--version")) {
            command.addAll(List.of("-h", db.host(), "-p", Integer.toString(db.port()), "-U", db.user(), db.name()));
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (db != null) {
                builder.environment().putAll(Map.of("PGPASSWORD", db.password()));
            }
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("pgbench failed: " + out.lines().reduce((a, b) -> b).orElse(""));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("pgbench could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
