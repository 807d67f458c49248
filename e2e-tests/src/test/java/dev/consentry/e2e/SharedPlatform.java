package dev.consentry.e2e;

import dev.consentry.devstack.LocalPlatform;

import java.nio.file.Files;
import java.nio.file.Path;

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
            platform = LocalPlatform.start(root, workDir, 18081);
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
