package dev.consentry.images;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.Port;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the images of the three services and the console with Jib into image tarballs (Docker's {@code save}
 * format), with no Docker daemon and no registry: {@code target/images/<name>.tar}, named as the Helm chart's defaults
 * name them ({@code <image.registry>/<name>:<appVersion>}).
 * <p>
 * Each image is four layers: the runtime libraries of Debian 12 a JVM needs (libc6, libstdc++6, libgcc-s1, zlib1g,
 * taken file by file from the build machine's installed packages, with their copyright files) and the accounts files;
 * a Java runtime made with jlink from the build's JDK; the application's dependencies; the application itself. It runs
 * as the user 185 (not root), owns no file it runs from, exposes 8080, and starts {@code java -jar quarkus-run.jar};
 * extra JVM flags go in {@code JAVA_TOOL_OPTIONS}.
 */
public final class ImageBuilder {

    public static final List<String> APPLICATIONS = List.of("consent-service", "dsr-service", "audit-service",
            "privacy-console");
    public static final String USER = "185";
    public static final int PORT = 8080;
    public static final String JAVA_HOME = "/opt/java";
    public static final List<String> ENTRYPOINT = List.of(JAVA_HOME + "/bin/java",
            "-XX:MaxRAMPercentage=70", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp",
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", "/deployments/quarkus-run.jar");

    private static final List<String> RUNTIME_PACKAGES = List.of("libc6", "libstdc++6", "libgcc-s1", "zlib1g");
    private static final String JRE_MODULES = String.join(",", "java.base", "java.compiler", "java.datatransfer",
            "java.desktop", "java.instrument", "java.logging", "java.management", "java.management.rmi", "java.naming",
            "java.net.http", "java.prefs", "java.rmi", "java.scripting", "java.security.jgss", "java.security.sasl",
            "java.sql", "java.sql.rowset", "java.transaction.xa", "java.xml", "java.xml.crypto", "jdk.charsets",
            "jdk.crypto.cryptoki", "jdk.crypto.ec", "jdk.jfr", "jdk.localedata", "jdk.management", "jdk.management.jfr",
            "jdk.naming.dns", "jdk.net", "jdk.security.auth", "jdk.security.jgss", "jdk.unsupported", "jdk.zipfs");
    /** Files get one fixed time, so that the same inputs give the same layers. */
    private static final Instant FILE_TIME = Instant.ofEpochSecond(1);
    private static final String ROOT = "0:0";

    private final Path repository;
    private final Path output;

    ImageBuilder(Path repository, Path output) {
        this.repository = repository;
        this.output = output;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ImageBuilder <repository root> <output directory>");
        }
        new ImageBuilder(Path.of(args[0]).toAbsolutePath().normalize(), Path.of(args[1]).toAbsolutePath()).buildAll();
    }

    /** {@code <image.registry>/<name>:<appVersion>} as the chart's defaults name the image of {@code application}. */
    public static String reference(Path repository, String application) throws IOException {
        return ChartDefaults.read(repository.resolve("deploy/consentry")).image(application);
    }

    void buildAll() throws Exception {
        Files.createDirectories(output);
        Path work = Files.createDirectories(output.resolve(".work"));
        FileEntriesLayer runtime = runtimeLayer(work);
        FileEntriesLayer jre = jreLayer(work);
        List<String> built = new ArrayList<>();
        for (String application : APPLICATIONS) {
            String reference = reference(repository, application);
            Path app = repository.resolve(application).resolve("target/quarkus-app");
            if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException(application + " is not packaged: " + app + " has no quarkus-run.jar");
            }
            JibContainerBuilder image = Jib.fromScratch()
                    .addFileEntriesLayer(runtime)
                    .addFileEntriesLayer(jre)
                    .addFileEntriesLayer(tree("dependencies", app.resolve("lib"), "/deployments/lib"))
                    .addFileEntriesLayer(applicationLayer(app))
                    .setEntrypoint(ENTRYPOINT)
                    .setUser(USER)
                    .setWorkingDirectory(AbsoluteUnixPath.get("/deployments"))
                    .setExposedPorts(Set.of(Port.tcp(PORT)))
                    .setEnvironment(Map.of("JAVA_HOME", JAVA_HOME, "LANG", "C.UTF-8"))
                    .setLabels(labels(application));
            Path tar = output.resolve(application + ".tar");
            image.containerize(Containerizer.to(TarImage.at(tar).named(ImageReference.parse(reference)))
                    .setApplicationLayersCache(work.resolve("cache"))
                    .setBaseImageLayersCache(work.resolve("cache"))
                    .setOfflineMode(true)
                    .setToolName("consentry-image-builder"));
            built.add(reference + " " + tar.getFileName());
            System.out.println("Image " + reference + " -> " + tar);
        }
        Files.write(output.resolve("images.txt"), built, StandardCharsets.UTF_8);
    }

    private Map<String, String> labels(String application) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", application);
        labels.put("org.opencontainers.image.version", ChartDefaults.read(repository.resolve("deploy/consentry")).appVersion());
        labels.put("org.opencontainers.image.licenses", "Apache-2.0");
        labels.put("org.opencontainers.image.description", "Consentry " + application);
        return labels;
    }

    /** The launcher jar, the application and Quarkus's generated classes; owned by root, read by the user. */
    private static FileEntriesLayer applicationLayer(Path app) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("application");
        add(layer, app.resolve("quarkus-run.jar"), "/deployments/quarkus-run.jar");
        addTree(layer, app.resolve("app"), "/deployments/app");
        addTree(layer, app.resolve("quarkus"), "/deployments/quarkus");
        return layer.build();
    }

    private static FileEntriesLayer tree(String name, Path source, String target) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        addTree(layer, source, target);
        return layer.build();
    }

    /**
     * The files of Debian's runtime packages a JVM needs, as the build machine has them installed (dpkg -L), with
     * their copyright files; the accounts of root and of the user 185; a world-writable /tmp (the chart mounts one).
     */
    private static FileEntriesLayer runtimeLayer(Path work) throws Exception {
        String arch = run(List.of("dpkg", "--print-architecture")).trim();
        if (!"amd64".equals(arch)) {
            throw new IllegalStateException("images are built for linux/amd64 on an amd64 Debian machine, not " + arch);
        }
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("debian-runtime");
        for (String pkg : RUNTIME_PACKAGES) {
            for (String file : run(List.of("dpkg", "-L", pkg + ":" + arch)).split("\n")) {
                Path path = Path.of(file.trim());
                if (file.isBlank() || !Files.isRegularFile(path) || file.startsWith("/usr/share/locale/")
                        || file.startsWith("/usr/share/lintian/") || file.startsWith("/usr/share/man/")
                        || file.startsWith("/usr/share/doc/") && !file.endsWith("/copyright")) {
                    continue;
                }
                add(layer, path, file.trim());
            }
        }
        Path etc = Files.createDirectories(work.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/usr/sbin/nologin\n"
                + "consentry:x:" + USER + ":" + USER + ":Consentry:/deployments:/usr/sbin/nologin\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\nconsentry:x:" + USER + ":\n");
        Files.writeString(etc.resolve("nsswitch.conf"), "passwd: files\ngroup: files\nhosts: files dns\n");
        for (String name : List.of("passwd", "group", "nsswitch.conf")) {
            layer.addEntry(etc.resolve(name), AbsoluteUnixPath.get("/etc/" + name), FilePermissions.fromOctalString("644"),
                    FILE_TIME, ROOT);
        }
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        layer.addEntry(tmp, AbsoluteUnixPath.get("/tmp"), FilePermissions.fromOctalString("777"), FILE_TIME, ROOT);
        return layer.build();
    }

    /** A Java runtime of the modules Quarkus and its libraries use, from the JDK that runs this build. */
    private static FileEntriesLayer jreLayer(Path work) throws Exception {
        Path jdk = Path.of(System.getProperty("java.home"));
        Path jre = work.resolve("jre");
        if (!Files.isRegularFile(jre.resolve("release"))) {
            if (!Files.isDirectory(jdk.resolve("jmods"))) {
                throw new IllegalStateException("jlink needs the JDK's jmods: " + jdk + "/jmods is missing "
                        + "(Debian 12: openjdk-17-jdk-headless has them; a JDK without jmods cannot jlink)");
            }
            deleteTree(jre);
            run(List.of(jdk.resolve("bin/jlink").toString(), "--add-modules", JRE_MODULES, "--strip-debug",
                    "--no-header-files", "--no-man-pages", "--output", jre.toString()));
        }
        return tree("java-runtime", jre, JAVA_HOME);
    }

    private static void addTree(FileEntriesLayer.Builder layer, Path source, String target) throws IOException {
        if (!Files.isDirectory(source)) {
            return;
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                add(layer, file, target + "/" + source.relativize(file).toString().replace('\\', '/'));
            }
        }
    }

    /** One file, owned by root, its mode kept but never writable by others; symbolic links become the file. */
    private static void add(FileEntriesLayer.Builder layer, Path source, String target) throws IOException {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(source.toRealPath(), LinkOption.NOFOLLOW_LINKS);
        mode.remove(PosixFilePermission.GROUP_WRITE);
        mode.remove(PosixFilePermission.OTHERS_WRITE);
        mode.add(PosixFilePermission.OTHERS_READ);
        mode.add(PosixFilePermission.GROUP_READ);
        layer.addEntry(source.toRealPath(), AbsoluteUnixPath.get(target), FilePermissions.fromPosixFilePermissions(mode),
                FILE_TIME, ROOT);
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
