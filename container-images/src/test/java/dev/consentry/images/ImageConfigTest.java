package dev.consentry.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operations: the images built without a Docker daemon are what the chart pulls and what a cluster may run — read
 * from the tarballs with a tar reader written here: named as the chart's defaults, a non-root user, the Java
 * entrypoint, port 8080, root-owned files nobody else can write, no private key or keystore in any layer (inside the
 * application's jars too), and a Java runtime that starts from the image's own files.
 */
class ImageConfigTest {

    private static final Path IMAGES = Path.of(System.getProperty("consentry.images", "target/images"));
    private static final Path HOME = Path.of(System.getProperty("consentry.home", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KEY_FILE = Pattern.compile("(?i).*\\.(pem|key|p12|pfx|jks|keystore|jceks)$");
    private static final byte[] PRIVATE_KEY = "PRIVATE KEY-----".getBytes(StandardCharsets.US_ASCII);
    /** A PEM private key with its body, not just the marker a parser's code holds as a constant. */
    private static final Pattern PEM_PRIVATE_KEY = Pattern.compile(
            "-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----\\s*[A-Za-z0-9+/=\\s]{64,}");

    /** One entry of a tar archive: its name, mode, owner and (for regular files) content. */
    record TarEntry(String name, int mode, int uid, char type, byte[] content) {
    }

    @Test
    void ops_eachImageIsNamedAsTheChartPullsItAndRunsAsItsNonRootUserOn8080() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode values = yaml.readTree(HOME.resolve("deploy/consentry/values.yaml").toFile());
        String appVersion = yaml.readTree(HOME.resolve("deploy/consentry/Chart.yaml").toFile()).path("appVersion").asText();
        String registry = values.path("image").path("registry").asText();
        Map<String, String> names = Map.of("consent-service", values.path("services").path("consent").path("image").asText(),
                "dsr-service", values.path("services").path("dsr").path("image").asText(),
                "audit-service", values.path("services").path("audit").path("image").asText(),
                "privacy-console", values.path("console").path("image").asText());
        String chartUser = values.path("podSecurityContext").path("runAsUser").asText();

        for (String application : ImageBuilder.APPLICATIONS) {
            Map<String, TarEntry> image = index(read(Files.newInputStream(IMAGES.resolve(application + ".tar"))));
            JsonNode manifest = JSON.readTree(image.get("manifest.json").content()).get(0);
            assertEquals(registry + "/" + names.get(application) + ":" + appVersion,
                    manifest.path("RepoTags").get(0).asText(), "the chart's default image of " + application);
            JsonNode config = JSON.readTree(image.get(manifest.path("Config").asText()).content()).path("config");
            assertEquals(chartUser, config.path("User").asText(), application + " runs as the chart's runAsUser");
            assertTrue(!config.path("User").asText().isEmpty() && !"0".equals(config.path("User").asText())
                    && !"root".equals(config.path("User").asText()), "never root");
            assertEquals(List.of("/opt/java/bin/java"), List.of(config.path("Entrypoint").get(0).asText()));
            String entrypoint = config.path("Entrypoint").toString();
            assertTrue(entrypoint.contains("\"-jar\",\"/deployments/quarkus-run.jar\""), entrypoint);
            assertTrue(config.path("ExposedPorts").has("8080/tcp"), "the port the chart's Service targets");
            assertEquals(4, manifest.path("Layers").size(), "runtime libraries, Java, dependencies, application");
        }
    }

    @Test
    void ops_noLayerHoldsAKeyOrAWritableFileAndTheApplicationsJarsHoldNoPrivateKey() throws Exception {
        for (String application : ImageBuilder.APPLICATIONS) {
            Map<String, TarEntry> image = index(read(Files.newInputStream(IMAGES.resolve(application + ".tar"))));
            JsonNode manifest = JSON.readTree(image.get("manifest.json").content()).get(0);
            int files = 0;
            for (JsonNode layerName : manifest.path("Layers")) {
                for (TarEntry entry : read(new GZIPInputStream(new ByteArrayInputStream(image.get(layerName.asText()).content())))) {
                    String where = application + ": " + entry.name();
                    assertEquals(0, entry.uid(), "owned by root, not by the user it runs as: " + where);
                    if (!entry.name().equals("tmp/") && !entry.name().equals("tmp")) {
                        assertEquals(0, entry.mode() & 0022, "writable by nobody but root: " + where);
                    }
                    if (entry.type() != '0') {
                        continue;
                    }
                    files++;
                    assertTrue(!KEY_FILE.matcher(entry.name()).matches(), "no key or keystore file: " + where);
                    assertTrue(!holdsPrivateKey(entry.content()), "no private key: " + where);
                    if (entry.name().endsWith(".jar")) {
                        assertJarHoldsNoKey(entry.content(), where);
                    }
                }
            }
            assertTrue(files > 100, application + " has its files");
        }
    }

    @Test
    void ops_theImagesJavaRuntimeStartsFromTheImagesOwnFilesWithTheChartsOptions() throws Exception {
        Map<String, TarEntry> image = index(read(Files.newInputStream(IMAGES.resolve("consent-service.tar"))));
        JsonNode manifest = JSON.readTree(image.get("manifest.json").content()).get(0);
        Path rootfs = Files.createTempDirectory("consentry-rootfs");
        for (JsonNode layerName : manifest.path("Layers")) {
            for (TarEntry entry : read(new GZIPInputStream(new ByteArrayInputStream(image.get(layerName.asText()).content())))) {
                Path target = rootfs.resolve(entry.name()).normalize();
                assertTrue(target.startsWith(rootfs), entry.name());
                if (entry.type() == '5') {
                    Files.createDirectories(target);
                } else if (entry.type() == '0') {
                    Files.createDirectories(target.getParent());
                    Files.write(target, entry.content());
                    target.toFile().setExecutable((entry.mode() & 0111) != 0, false);
                }
            }
        }
        Files.createDirectories(rootfs.resolve("proc"));
        String out = javaVersion(rootfs, null);
        assertTrue(out.contains("OpenJDK Runtime Environment"), out);
        // the runtime is jlinked from the build's JDK: it must know every option the chart gives the services
        JsonNode services = new ObjectMapper(new YAMLFactory())
                .readTree(HOME.resolve("deploy/consentry/values.yaml").toFile()).path("services");
        for (String service : List.of("consent", "dsr", "audit")) {
            String options = services.path(service).path("javaOptions").asText();
            assertTrue(options.contains("-XX:"), service + " has JVM options in the chart");
            assertTrue(javaVersion(rootfs, options).contains("OpenJDK Runtime Environment"), service + ": " + options);
        }
    }

    /** What a container runtime does, without one: its own mount and process namespace, /proc, the image as root. */
    private static String javaVersion(Path rootfs, String jdkJavaOptions) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("unshare", "--map-root-user", "--mount", "--pid", "--fork",
                "--mount-proc=" + rootfs.resolve("proc"), "chroot", rootfs.toString(), "/opt/java/bin/java", "-version")
                .redirectErrorStream(true);
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        if (jdkJavaOptions != null) {
            builder.environment().put("JDK_JAVA_OPTIONS", jdkJavaOptions);
        }
        Process java = builder.start();
        String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(java.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, java.exitValue(), (jdkJavaOptions == null ? "" : jdkJavaOptions + ": ") + out);
        return out;
    }

    /**
     * Keys that third-party libraries ship in their own classes, public and never used as anyone's identity: Netty's
     * self-signed probe key with which it checks what the OpenSSL it finds supports (held in three of its classes).
     */
    private static final List<Pattern> KNOWN_LIBRARY_KEYS = List.of(
            Pattern.compile(".*/io\\.netty\\.netty-handler-[0-9.]+Final\\.jar!io/netty/handler/ssl/(OpenSsl|SslUtils|JdkSslServerContext)\\.class"));

    private static void assertJarHoldsNoKey(byte[] jar, String where) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String path = where + "!" + e.getName();
                if (KNOWN_LIBRARY_KEYS.stream().anyMatch(known -> known.matcher(path).matches())) {
                    continue;
                }
                assertTrue(!KEY_FILE.matcher(e.getName()).matches(), "no key or keystore in " + where + "!" + e.getName());
                assertTrue(!holdsPrivateKey(zip.readAllBytes()), "no private key in " + where + "!" + e.getName());
            }
        }
    }

    private static boolean holdsPrivateKey(byte[] content) {
        return contains(content, PRIVATE_KEY)
                && PEM_PRIVATE_KEY.matcher(new String(content, StandardCharsets.ISO_8859_1)).find();
    }

    private static Map<String, TarEntry> index(List<TarEntry> entries) {
        Map<String, TarEntry> byName = new HashMap<>();
        entries.forEach(e -> byName.put(e.name(), e));
        return byName;
    }

    /** A ustar/pax reader: 512-byte headers, octal fields, pax 'path' records for long names. */
    static List<TarEntry> read(InputStream in) throws IOException {
        List<TarEntry> entries = new ArrayList<>();
        String paxPath = null;
        try (in) {
            while (true) {
                byte[] header = in.readNBytes(512);
                if (header.length < 512 || header[0] == 0) {
                    return entries;
                }
                String name = cString(header, 0, 100);
                String prefix = cString(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = octal(header, 124, 12);
                byte[] content = in.readNBytes((int) size);
                in.readNBytes((int) ((512 - size % 512) % 512));
                char type = header[156] == 0 ? '0' : (char) header[156];
                if (type == 'x') {
                    paxPath = paxValue(content, "path");
                    continue;
                }
                if (paxPath != null) {
                    name = paxPath;
                    paxPath = null;
                }
                entries.add(new TarEntry(name.startsWith("/") ? name.substring(1) : name, (int) octal(header, 100, 8),
                        (int) octal(header, 108, 8), type, content));
            }
        }
    }

    private static String paxValue(byte[] records, String key) {
        for (String record : new String(records, StandardCharsets.UTF_8).split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith(key + "=", space + 1)) {
                return record.substring(space + 2 + key.length());
            }
        }
        return null;
    }

    private static String cString(byte[] b, int offset, int length) {
        int end = offset;
        while (end < offset + length && b[end] != 0) {
            end++;
        }
        return new String(b, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int offset, int length) {
        String s = cString(b, offset, length).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
