package dev.consentry.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Consentry service started as a child process from its packaged Quarkus jar. */
final class ServiceProcess implements AutoCloseable {

    /**
     * The chart's memory settings besides its heap (deploy/consentry/values.yaml): a G1 collection every 15 s when
     * nothing else collected, a heap kept at most 20 % free, and the C library's freed memory returned to the system
     * every 15 s, so an idle service gives back what its start and its last load took. The local platform and the
     * benchmark run with them; the collector itself is the machine's default (G1 on two cores), so
     * {@code JDK_JAVA_OPTIONS} may still choose another.
     */
    private static final List<String> HEAP_GIVEN_BACK = List.of("-XX:G1PeriodicGCInterval=15000",
            "-XX:MaxHeapFreeRatio=20", "-XX:MinHeapFreeRatio=5", "-XX:TrimNativeHeapInterval=15000");

    /**
     * As in the chart, the services off the storefront's path make that idle collection a full one, which also empties
     * the young generation (a pause of ≈ 90 ms once an idle service's heap has not been collected for 15 s);
     * consent-service answers the storefront's lookups and keeps the concurrent cycle, which pauses no request.
     */
    static List<String> memorySettings(String service) {
        List<String> settings = new ArrayList<>(HEAP_GIVEN_BACK);
        if (List.of("dsr-service", "audit-service").contains(service)) {
            settings.add("-XX:-G1PeriodicGCInvokesConcurrent");
        }
        return settings;
    }


    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    /** Readiness is polled this often, so a measured start time is at most this much late. */
    private static final long POLL_MILLIS = 50;

    private final Path repoRoot;
    private final Map<String, String> env;

    private ServiceProcess(String name, int port, Process process, Path log, Path repoRoot, Map<String, String> env) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.repoRoot = repoRoot;
        this.env = Map.copyOf(env);
    }

    /** Stops this service and starts it again with the same settings; the new run is appended to its log. */
    ServiceProcess restart() throws IOException {
        close();
        return startAgain();
    }

    /** A new run of this stopped service with the same settings, appended to its log. */
    ServiceProcess startAgain() throws IOException {
        return start(repoRoot, name, port, env, log, true);
    }

    /** Another instance of this service on {@code port}, with the same settings and a log of its own. */
    ServiceProcess replica(int replicaPort) throws IOException {
        return start(repoRoot, name, replicaPort, env, log.resolveSibling(name + "@" + replicaPort + ".log"), false);
    }

    /**
     * Kills this service at once (SIGKILL: no shutdown hook runs, an open transaction never commits) and starts it
     * again with the same settings; the new run is appended to its log.
     */
    ServiceProcess killAndRestart() throws IOException, InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return start(repoRoot, name, port, env, log, true);
    }

    static ServiceProcess start(Path repoRoot, String name, int port, Map<String, String> env, Path logDir)
            throws IOException {
        return start(repoRoot, name, port, env, logDir.resolve(name + ".log"), false);
    }

    /** @param append keep what the log holds (a restart) instead of starting it afresh */
    private static ServiceProcess start(Path repoRoot, String name, int port, Map<String, String> env, Path log,
                                        boolean append) throws IOException {
        Path jar = repoRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests package");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m"));
        command.addAll(memorySettings(name));
        Path archive = jar.resolveSibling("app-cds.jsa");
        boolean withArchive = Files.isRegularFile(archive)
                && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) >= 0;
        if (withArchive) {
            // class data shared from the archive the build made (bench/run --appcds): it names the jar as the build
            // ran it, from its own directory
            command.addAll(List.of("-XX:SharedArchiveFile=app-cds.jsa", "-Xshare:auto", "-jar", "quarkus-run.jar"));
        } else {
            command.addAll(List.of("-jar", jar.toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(withArchive ? jar.getParent().toFile() : null)
                .redirectErrorStream(true)
                .redirectOutput(append ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return new ServiceProcess(name, port, builder.start(), log, repoRoot, env);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    /** The start time Quarkus reports in its log ("started in 1.234s") for its latest start, if it got that far. */
    java.util.OptionalDouble reportedStartSeconds() {
        List<Double> starts = reportedStarts();
        return starts.isEmpty() ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of(starts.get(starts.size() - 1));
    }

    /** Every start time the log reports, oldest first (a restart appends to the same log). */
    List<Double> reportedStarts() {
        try {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("started in ([0-9.]+)s")
                    .matcher(Files.readString(log));
            List<Double> starts = new ArrayList<>();
            while (m.find()) {
                starts.add(Double.parseDouble(m.group(1)));
            }
            return starts;
        } catch (IOException e) {
            return List.of();
        }
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    /** Waits until the service reports ready (database and broker reachable). */
    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
    }

    /** Asks the service to shut down (SIGTERM) without waiting, so several can stop in parallel. */
    void stop() {
        process.destroy();
    }

    /** Stops the service and waits for it; forcibly after 15 seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
