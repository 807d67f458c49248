package dev.consentry.e2e;

import dev.consentry.devstack.LocalPlatform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** One platform, started as ./consentry-local starts it, shared by every end-to-end test class of the JVM. */
final class SharedPlatform {

    private static LocalPlatform platform;
    private static Path workDir;
    private static TraceCollector traces;

    private SharedPlatform() {
    }

    static synchronized LocalPlatform get() throws Exception {
        if (platform == null) {
            Path root = Path.of(System.getProperty("consentry.home", "..")).toAbsolutePath().normalize();
            workDir = Files.createTempDirectory("consentry-e2e");
            traces = new TraceCollector(0);
            // every service traces into the test's collector; audit-service writes its log as in production (JSON)
            Map<String, String> tracing = Map.of("QUARKUS_OTEL_SDK_DISABLED", "false",
                    "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.endpoint(),
                    "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                    "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s");
            Map<String, String> dsr = new java.util.HashMap<>(tracing);
            // the retention schedule runs every second here, so that a test sees its steps (and can kill it mid-round)
            dsr.putAll(Map.of("CONSENTRY_DSR_RETENTION_EVERY", "1s", "CONSENTRY_DSR_RETENTION_DELAY", "1s"));
            Map<String, String> audit = new java.util.HashMap<>(tracing);
            audit.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
            platform = LocalPlatform.start(root, workDir, 18081, Map.of("consent-service", tracing, "dsr-service", dsr,
                    "audit-service", audit));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                platform.close();
                traces.close();
            }));
        }
        return platform;
    }

    /** The collector the services send their traces to. */
    static TraceCollector traces() {
        return traces;
    }

    /** Where the services write their logs. */
    static Path logs() {
        return workDir.resolve("logs");
    }

    static String url(String service, String path) {
        return "http://localhost:" + platform.port(service) + path;
    }
}
