package dev.consentry.e2e;

import dev.consentry.devstack.LocalPlatform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** One platform, started as ./consentry-local starts it, shared by every end-to-end test class of the JVM. */
final class SharedPlatform {

    private static LocalPlatform platform;
    private static Path workDir;

    private SharedPlatform() {
    }

    static synchronized LocalPlatform get() throws Exception {
        if (platform == null) {
            Path root = Path.of(System.getProperty("consentry.home", "..")).toAbsolutePath().normalize();
            workDir = Files.createTempDirectory("consentry-e2e");
            // the retention schedule runs every second here, so that a test sees its steps (and can kill it mid-round)
            platform = LocalPlatform.start(root, workDir, 18081, Map.of("dsr-service", Map.of(
                    "CONSENTRY_DSR_RETENTION_EVERY", "1s", "CONSENTRY_DSR_RETENTION_DELAY", "1s")));
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
        }
        return platform;
    }

    /** Where the services write their logs. */
    static Path logs() {
        return workDir.resolve("logs");
    }

    static String url(String service, String path) {
        return "http://localhost:" + platform.port(service) + path;
    }
}
